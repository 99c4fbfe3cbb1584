import { startBotHarness, replyText, type BotHarness, type TestConversation } from '../test-support/harness';

/** Chat commands through botbuilder's TestAdapter, with real storage and the sample directory. */
let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness();
}, 60_000);
afterAll(() => bot?.stop(), 30_000);

let n = 0;
const personal = (): TestConversation => ({ id: `a:personal-${(n += 1)}`, kind: 'personal' });
const channel = (): TestConversation => ({ id: `19:channel-${(n += 1)}@thread.tacv2`, kind: 'channel' });
const texts = async (text: string, as: string, conversation: TestConversation) =>
  (await bot.say(text, as, conversation)).map(replyText).join('\n');

describe('help and refusals', () => {
  it('answers help, and unknown text with help, listing admin commands only to admins', async () => {
    const admin = await texts('help', 'Alex Morgan', personal());
    expect(admin).toMatch(/\*\*status\*\*/);
    expect(admin).toMatch(/schedule ‹dataset› set/);
    const leader = await texts('what can you do?', 'Nora Lindqvist', personal());
    expect(leader).toMatch(/subscribe plans/);
    expect(leader).toMatch(/subscribe kpis\*\*: get a card here when a KPI of your departments goes off track/);
    expect(leader).not.toMatch(/\*\*status\*\*/);
  });

  it('politely refuses admin commands to non-admins, without touching Power BI', async () => {
    for (const command of [
      'status',
      'refresh Budget Planning (Prod)',
      'schedule Store Sales',
      'schedule Store Sales set daily 06:00',
      'refresh',
    ]) {
      expect(await texts(command, 'Nora Lindqvist', personal())).toMatch(/^Sorry, only Planboard admins can/);
    }
    expect(bot.powerBi.triggered).toEqual([]);
  });

  it('refuses a channel subscription by a non-admin, and refresh alerts in a non-admin’s own chat', async () => {
    expect(await texts('subscribe', 'Morgan Lee', channel())).toMatch(/^Sorry, only Planboard admins can subscribe this channel/);
    expect(await texts('subscribe refresh', 'Morgan Lee', personal())).toMatch(
      /^Sorry, only Planboard admins can receive Power BI refresh alerts/,
    );
  });

  it('greets once on install and remembers the conversation', async () => {
    const conversation = channel();
    const replies = await bot.install('Alex Morgan', conversation);
    expect(replies.map(replyText).join('\n')).toMatch(/^Hello!/);
    expect(await bot.deps.conversations.get(conversation.id)).toMatchObject({ kind: 'channel', key: conversation.id });
  });
});

describe('subscribe / unsubscribe', () => {
  it('subscribes a channel (admin) at its root, and unsubscribes it', async () => {
    const conversation = channel();
    expect(await texts('subscribe', 'Alex Morgan', conversation)).toMatch(
      /this channel now gets cards about Power BI refresh failures, budget plans submitted or unlocked, KPIs going off track, training days unlocked and store data runs that fail or reject rows\./,
    );
    const subscribers = await bot.deps.conversations.subscribers('refresh');
    expect(subscribers).toContainEqual(expect.objectContaining({ conversationKey: conversation.id, allScopes: true, kind: 'channel' }));
    // The stored reference points at the channel, not the thread the command was typed in.
    const stored = (await bot.deps.conversations.get(conversation.id))?.reference as { conversation: { id: string } };
    expect(stored.conversation.id).toBe(conversation.id);
    expect(await texts('unsubscribe refresh', 'Alex Morgan', conversation)).toMatch(/no more cards about Power BI refresh failures/);
    expect((await bot.deps.conversations.subscribers('refresh')).map((s) => s.conversationKey)).not.toContain(conversation.id);
  });

  it('lets a non-admin subscribe their own chat to plan and KPI alerts for their scopes', async () => {
    const conversation = personal();
    expect(await texts('subscribe all', 'Nora Lindqvist', conversation)).toMatch(
      /budget plans submitted or unlocked, KPIs going off track and training days unlocked for the business units and departments you can see \(refresh alerts are for admins only\)/,
    );
    for (const topic of ['plans', 'kpis'] as const) {
      expect(await bot.deps.conversations.subscribers(topic, conversation.id)).toEqual([
        expect.objectContaining({ allScopes: false, owner: expect.objectContaining({ tid: expect.any(String) }) }),
      ]);
    }
    expect(await bot.deps.conversations.subscribers('refresh', conversation.id)).toEqual([]);
    expect(await texts('unsubscribe', 'Nora Lindqvist', conversation)).toMatch(
      /no more cards about budget plans submitted or unlocked, KPIs going off track and training days unlocked/,
    );
  });

  it('subscribes to KPI alerts alone: a non-admin for their departments, an admin channel for all', async () => {
    const chat = personal();
    expect(await texts('subscribe kpis', 'Nora Lindqvist', chat)).toBe(
      'Done: this chat now gets cards about KPIs going off track for the departments you can see. Type **unsubscribe** to stop them.',
    );
    expect(await bot.deps.conversations.subscribers('kpis', chat.id)).toEqual([expect.objectContaining({ allScopes: false })]);
    expect(await bot.deps.conversations.subscribers('plans', chat.id)).toEqual([]);
    const room = channel();
    expect(await texts('subscribe kpis', 'Alex Morgan', room)).toMatch(/^Done: this channel now gets cards about KPIs going off track\./);
    expect(await bot.deps.conversations.subscribers('kpis', room.id)).toEqual([expect.objectContaining({ allScopes: true })]);
    expect(await texts('unsubscribe kpis', 'Alex Morgan', room)).toMatch(/no more cards about KPIs going off track in this channel/);
    expect(await texts('unsubscribe kpis', 'Alex Morgan', room)).toMatch(/was not subscribed to KPIs going off track/);
  });

  it('explains a bad topic', async () => {
    expect(await texts('subscribe budgets', 'Alex Morgan', personal())).toMatch(
      /"budgets" is not refresh, plans, kpis, training, data or all/,
    );
  });
});

describe('refresh and schedule (admins)', () => {
  it('asks which dataset when a name exists in several environments, then refreshes the one named', async () => {
    const conversation = personal();
    const ambiguous = await texts('refresh BUDGET planning', 'Alex Morgan', conversation);
    expect(ambiguous).toMatch(/Which dataset do you mean\?/);
    expect(ambiguous).toMatch(/refresh Budget Planning \(Prod\)/);
    expect(ambiguous).toMatch(/refresh Budget Planning \(Test\)/);
    const started = await texts('refresh budget planning (prod)', 'Alex Morgan', conversation);
    expect(started).toMatch(/Refresh started/);
    expect(bot.powerBi.triggered).toEqual([`${bot.catalogPrefix}-budget-prod`]);
    // On the watch list, so the next detection poll looks at it.
    expect(await bot.deps.watch.list()).toContainEqual(
      expect.objectContaining({ datasetId: `${bot.catalogPrefix}-budget-prod`, reason: 'triggered', requestId: 'request-1' }),
    );
  });

  it('suggests close names for a typo and shows hostile names as plain text', async () => {
    expect(await texts('refresh stor sale', 'Alex Morgan', personal())).toMatch(/Did you mean:\n• {2}refresh Store Sales \(Prod\)/);
    const hostile = await texts('refresh sales "q1"', 'Alex Morgan', personal());
    expect(hostile).toContain('Sales "Q1" **bold** ${name} <at>x</at> (Prod)');
  });

  it('says why Power BI refused a refresh', async () => {
    bot.powerBi.refuse.set(`${bot.catalogPrefix}-store-prod`, new Error('boom'));
    expect(await texts('refresh Store Sales', 'Alex Morgan', personal())).toMatch(
      /The refresh did not start[\s\S]*Power BI could not be reached/,
    );
    bot.powerBi.refuse.clear();
  });

  it('shows a schedule, and changes it after taking the dataset over', async () => {
    const id = `${bot.catalogPrefix}-store-prod`;
    bot.powerBi.schedules.set(id, { days: ['Monday'], times: ['05:00'], enabled: true, localTimeZoneId: 'UTC' });
    const shown = await texts('schedule store sales', 'Alex Morgan', personal());
    expect(shown).toMatch(/Refresh schedule\nStore Sales \(Prod\)/);
    expect(shown).toContain('Monday');
    const changed = await texts('schedule Store Sales set mon-fri 06:00,18:30 W. Europe Standard Time', 'Alex Morgan', personal());
    expect(changed).toMatch(/Refresh schedule updated/);
    expect(changed).toMatch(/took over this dataset first/);
    expect(bot.powerBi.tookOver).toEqual([id]);
    expect(bot.powerBi.schedules.get(id)).toMatchObject({
      days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
      times: ['06:00', '18:30'],
      localTimeZoneId: 'W. Europe Standard Time',
    });
    // Detection's copy follows at once: the next slot is indexed from the new schedule.
    const record = await bot.deps.catalog.get(id);
    expect(record?.schedule?.times).toEqual(['06:00', '18:30']);
    expect(record?.slotKey).toMatch(/^2026-03-06T17:30:00.000Z\|/);
  });

  it('explains a schedule it cannot read', async () => {
    expect(await texts('schedule Store Sales set weekdays 06:15', 'Alex Morgan', personal())).toMatch(
      /"06:15" is not a time on the hour or half hour/,
    );
    expect(await texts('schedule Store Sales set weekdays 06:00 Mars Time', 'Alex Morgan', personal())).toMatch(
      /"Mars Time" is not a Power BI time zone id/,
    );
  });

  it('lists the last day’s failures in status', async () => {
    expect(await texts('status', 'Priya Raman', personal())).toMatch(
      /No refresh failures or slow refreshes in the last 24 hours[\s\S]*Every alert was delivered/,
    );
  });
});

describe('training', () => {
  it('lists the open days with the caller’s own progress, never the titles of days to come', async () => {
    const reply = await texts('training', 'Erik Hansen', personal());
    expect(reply).toMatch(/^Your training/);
    expect(reply).toContain('Power BI in a day: the big picture');
    expect(reply).toMatch(/6 more days coming/);
    expect(reply).not.toContain('Visuals that answer questions');
    expect(await texts('subscribe training', 'Erik Hansen', personal())).toMatch(/now gets cards about training days unlocked/);
  });
});

describe('status lists slow refreshes', () => {
  it('names refreshes of the last 24 h far above their model’s own norm, by the shared outlier rule, and not the normal ones', async () => {
    const hour = 3_600_000;
    const now = bot.now.ms;
    const completed = (hoursAgo: number, durationMs: number) => ({
      requestId: `r-${hoursAgo}`,
      refreshType: 'Scheduled' as const,
      status: 'Completed' as const,
      startTime: new Date(now - hoursAgo * hour).toISOString(),
      endTime: new Date(now - hoursAgo * hour + durationMs).toISOString(),
    });
    const slowId = `${bot.catalogPrefix}-store-prod`;
    const steadyId = `${bot.catalogPrefix}-budget-prod`;
    // Newest first: today's refresh took 10 min, its previous twelve about 1 min.
    bot.powerBi.histories.set(slowId, [
      completed(2, 600_000),
      ...Array.from({ length: 12 }, (_, i) => completed(26 + i, 60_000 + i * 500)),
    ]);
    bot.powerBi.histories.set(
      steadyId,
      Array.from({ length: 13 }, (_, i) => completed(2 + i * 24, 60_000 + i * 500)),
    );
    for (const datasetId of [slowId, steadyId])
      await bot.deps.catalog.merge({ datasetId, lastSuccessAt: new Date(now - 2 * hour + 600_000).toISOString() });
    const reply = await texts('status', 'Priya Raman', personal());
    expect(reply).toMatch(/0 refresh failures and 1 slow refresh in the last 24 hours/);
    expect(reply).toMatch(/Slow: Store Sales \(Prod\) — 10 min, 9\.\d × its typical 1 min \d+ s — 6 Mar 2026, 07:00 UTC/);
    expect(reply).not.toMatch(/Slow: Budget Planning/);
    expect(reply).toMatch(/median \+ 3 × scaled MAD of the model's previous 30 completed refreshes/);
  });
});
