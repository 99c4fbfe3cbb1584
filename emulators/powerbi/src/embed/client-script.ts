/**
 * The embed page's script (served as `/reportEmbed/embed.js`): the iframe side of powerbi-client's
 * protocol (NOTES §7). Requests arrive as `{method, url, headers:{id, uid}, body}` posts from the
 * host; replies reuse `headers.id` and carry `statusCode`; events go out as
 * `POST /reports/<uid>/events/<name>`. The page keeps no data itself: every render asks the
 * emulator (`POST /reportEmbed/render`) with the current token, so token checks and RLS happen
 * on the server, exactly once per draw. Plain ES2017 with no dependencies: it runs as served.
 */
export const embedScript = String.raw`(function () {
  'use strict';
  var query = new URLSearchParams(location.search);
  var s = { uid: query.get('uid') || '', reportId: query.get('reportId') || '', groupId: query.get('groupId') || '',
    token: null, pages: [], active: null, filters: [], pageFilters: {}, theme: {}, navHidden: false,
    loaded: false, prepared: false, expired: false, timer: 0, seq: 0 };
  var expiredError = { message: 'TokenExpired', detailedMessage: 'Access token has expired, resubmit with a new access token', errorCode: '403', level: 6 };
  var themeVars = { background: '--pbi-bg', foreground: '--pbi-fg', foregroundNeutralSecondary: '--pbi-fg2',
    backgroundLight: '--pbi-bg-light', backgroundNeutral: '--pbi-neutral', tableAccent: '--pbi-accent' };

  function $(id) { return document.getElementById(id); }
  function rid() { return Math.random().toString(36).slice(2, 10); }
  function post(message) { window.parent.postMessage(message, '*'); }
  function reply(req, status, body) {
    post({ statusCode: status, statusText: String(status), headers: { id: req.headers && req.headers.id }, body: body === undefined ? null : body });
  }
  function emit(name, body) { post({ method: 'POST', url: '/reports/' + s.uid + '/events/' + name, headers: { id: rid() }, body: body || {} }); }
  function pageInfo(page) { return { name: page.name, displayName: page.displayName, isActive: page.name === s.active, visibility: 0 }; }
  function findPage(name) { return s.pages.filter(function (page) { return page.name === name; })[0]; }

  function overlay(title, text) {
    var box = $('overlay');
    if (!title) { box.hidden = true; return; }
    $('overlay-title').textContent = title;
    $('overlay-text').textContent = text;
    box.hidden = false;
  }
  function expire() {
    s.expired = true;
    overlay('Your session for this report has expired', 'The report continues as soon as the app provides a new access token.');
    emit('error', expiredError);
  }
  function armExpiry(ms) {
    clearTimeout(s.timer);
    s.timer = setTimeout(expire, Math.max(0, Math.min(ms, 2147483647)));
  }

  // Scrollbars follow the theme: a dark background (#rrggbb, luminance below half) means dark.
  function isDark(color) {
    var hex = /^#([0-9a-f]{6})$/i.exec(color || '');
    if (!hex) return false;
    var n = parseInt(hex[1], 16);
    return (0.2126 * (n >> 16) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255)) / 255 < 0.5;
  }
  function applyTheme(theme) {
    var json = (theme && theme.themeJson) || {};
    var style = document.documentElement.style;
    s.theme = theme || {};
    Object.keys(themeVars).forEach(function (key) {
      if (typeof json[key] === 'string') style.setProperty(themeVars[key], json[key]); else style.removeProperty(themeVars[key]);
    });
    var data = Array.isArray(json.dataColors) && typeof json.dataColors[0] === 'string' ? json.dataColors[0] : null;
    if (data) style.setProperty('--pbi-data1', data); else style.removeProperty('--pbi-data1');
    style.colorScheme = isDark(json.background) ? 'dark' : 'light';
  }
  function applySettings(settings) {
    var panes = settings.panes || {};
    s.navHidden = settings.navContentPaneEnabled === false || (panes.pageNavigation && panes.pageNavigation.visible === false);
    document.body.classList.toggle('transparent', settings.background === 1);
  }

  function drawTabs() {
    var tabs = $('tabs');
    tabs.textContent = '';
    tabs.hidden = s.navHidden || s.pages.length < 2;
    s.pages.forEach(function (page) {
      var tab = document.createElement('button');
      tab.type = 'button';
      tab.className = 'tab';
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-selected', String(page.name === s.active));
      tab.textContent = page.displayName;
      tab.addEventListener('click', function () { changePage(page.name); });
      tabs.appendChild(tab);
    });
  }
  function draw(result) {
    s.pages = result.pages;
    s.active = result.page;
    $('report-name').textContent = result.report.name;
    document.title = result.report.name;
    drawTabs();
    var canvas = $('canvas');
    canvas.innerHTML = result.html;
    canvas.hidden = s.prepared;
    canvas.setAttribute('aria-busy', 'false');
  }
  function fail(error) {
    if (error.message === 'TokenExpired') {
      s.expired = true;
      overlay('Your session for this report has expired', 'The report continues as soon as the app provides a new access token.');
    } else if (!s.loaded) {
      $('canvas').innerHTML = '<p class="status">This content isn\'t available.</p>';
      $('canvas').setAttribute('aria-busy', 'false');
    }
    emit('error', error);
  }

  // One server round trip; a response overtaken by a newer request is marked stale and not drawn.
  function fetchPage(pageName) {
    var seq = ++s.seq;
    var body = { accessToken: s.token, reportId: s.reportId, groupId: s.groupId, pageName: pageName,
      filters: s.filters, pageFilters: s.pageFilters[pageName] || [] };
    return fetch('/reportEmbed/render', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) { return response.json(); })
      .catch(function () {
        return { ok: false, kind: 'error', error: { message: 'LoadReportFailed', detailedMessage: 'The report service could not be reached', errorCode: '503', level: 6 } };
      })
      .then(function (result) { result.stale = seq !== s.seq; return result; });
  }
  // Draws a page (or, quietly, only re-checks the token); filter errors are left to the caller.
  function show(pageName, quiet) {
    return fetchPage(pageName).then(function (result) {
      if (result.stale) return result;
      if (result.ok) {
        if (!quiet || s.expired) draw(result);
        s.expired = false;
        overlay(null);
        armExpiry(result.expiresInMs);
      } else if (result.kind !== 'filter') fail(result.error);
      return result;
    });
  }
  function changePage(name) {
    return show(name).then(function (result) {
      if (!result.ok || result.stale) return;
      emit('pageChanged', { newPage: pageInfo(findPage(name) || { name: name, displayName: name }) });
      emit('rendered', {});
    });
  }

  function load(m, match) {
    var body = m.body || {};
    if (!body.accessToken) return reply(m, 400, { message: 'accessToken is required', detailedMessage: 'accessToken is required' });
    s.uid = (m.headers && m.headers.uid) || body.uniqueId || s.uid;
    s.token = body.accessToken;
    s.reportId = body.id || s.reportId;
    s.groupId = body.groupId || s.groupId;
    s.filters = Array.isArray(body.filters) ? body.filters : [];
    s.pageFilters = {};
    s.loaded = false;
    s.prepared = match[1] === 'prepare';
    applySettings(body.settings || {});
    applyTheme(body.theme);
    reply(m, 202, {});
    return show(body.pageName).then(function (result) {
      if (result.stale) return;
      if (!result.ok) { if (result.kind === 'filter') fail(result.error); return; }
      s.loaded = true;
      emit('loaded', {});
      if (!s.prepared) emit('rendered', {});
    });
  }
  function needsLoad(m) {
    if (s.loaded) return false;
    reply(m, 400, { message: 'ReportNotLoaded', detailedMessage: 'The report is not loaded yet' });
    return true;
  }
  // FiltersOperations: RemoveAll 0, ReplaceAll 1, Add 2, Replace 3 (powerbi-models).
  function updated(current, request) {
    var op = request && request.filtersOperation;
    var given = (request && request.filters) || [];
    if (op === 0) return [];
    if (op === 1) return given;
    var sameTarget = function (a, b) { return JSON.stringify(a.target) === JSON.stringify(b.target); };
    var kept = current.filter(function (filter) { return !(op === 3 && given.some(function (g) { return sameTarget(g, filter); })); });
    return kept.concat(given);
  }
  function changeFilters(m, pageName, next) {
    if (needsLoad(m)) return;
    var before = pageName ? s.pageFilters[pageName] : s.filters;
    if (pageName) s.pageFilters[pageName] = next; else s.filters = next;
    return show(s.active).then(function (result) {
      if (!result.ok && result.kind === 'filter') {
        if (pageName) s.pageFilters[pageName] = before; else s.filters = before;
        return reply(m, 400, result.error);
      }
      reply(m, 202, {});
      if (result.ok && !result.stale) emit('rendered', {});
    });
  }

  var routes = [
    ['POST', /^\/report\/(load|prepare)$/, load],
    ['POST', /^\/report\/render$/, function (m) {
      if (needsLoad(m)) return;
      s.prepared = false;
      $('canvas').hidden = false;
      reply(m, 202, {});
      emit('rendered', {});
    }],
    ['GET', /^\/report\/pages$/, function (m) { reply(m, 200, s.pages.map(pageInfo)); }],
    ['PUT', /^\/report\/pages\/active$/, function (m) {
      if (needsLoad(m)) return;
      var name = m.body && m.body.name;
      if (!findPage(name)) return reply(m, 400, { message: 'PageNotFound', detailedMessage: 'There is no page ' + name });
      reply(m, 202, {});
      return changePage(name);
    }],
    ['GET', /^\/report\/filters$/, function (m) { reply(m, 200, s.filters); }],
    ['PUT', /^\/report\/filters$/, function (m) { return changeFilters(m, null, Array.isArray(m.body) ? m.body : []); }],
    ['POST', /^\/report\/filters$/, function (m) { return changeFilters(m, null, updated(s.filters, m.body)); }],
    ['GET', /^\/report\/pages\/([^/]+)\/filters$/, function (m, match) { reply(m, 200, s.pageFilters[match[1]] || []); }],
    ['PUT', /^\/report\/pages\/([^/]+)\/filters$/, function (m, match) { return changeFilters(m, match[1], Array.isArray(m.body) ? m.body : []); }],
    ['POST', /^\/report\/pages\/([^/]+)\/filters$/, function (m, match) { return changeFilters(m, match[1], updated(s.pageFilters[match[1]] || [], m.body)); }],
    ['GET', /^\/report\/pages\/([^/]+)\/visuals$/, function (m, match) {
      var page = findPage(match[1]);
      if (!page) return reply(m, 404, { message: 'PageNotFound', detailedMessage: 'There is no page ' + match[1] });
      reply(m, 200, page.visuals.map(function (v) { return { name: v.name, title: v.title, type: v.type, layout: { displayState: { mode: 0 } } }; }));
    }],
    ['POST', /^\/report\/token$/, function (m) {
      if (typeof m.body !== 'string' || !m.body) return reply(m, 400, { message: 'Access token cannot be empty' });
      var wasExpired = s.expired;
      s.token = m.body;
      reply(m, 202, {});
      if (!s.loaded) return;
      return show(s.active, true).then(function (result) { if (result.ok && wasExpired) emit('rendered', {}); });
    }],
    ['POST', /^\/report\/refresh$/, function (m) {
      if (needsLoad(m)) return;
      reply(m, 202, {});
      return show(s.active).then(function (result) { if (result.ok && !result.stale) emit('rendered', {}); });
    }],
    ['PUT', /^\/report\/theme$/, function (m) { applyTheme(m.body); reply(m, 202, {}); }],
    ['GET', /^\/report\/theme$/, function (m) { reply(m, 200, s.theme); }],
    ['GET', /^\/getCorrelationId$/, function (m) { reply(m, 200, 'emulator-' + rid()); }]
  ];

  window.addEventListener('message', function (event) {
    var m = event.data;
    // Only the host speaks to the report; statusCode marks the host's acks of our events.
    if (event.source !== window.parent || !m || typeof m !== 'object' || typeof m.statusCode === 'number' || !m.method || !m.url) return;
    var path = String(m.url).split('?')[0];
    for (var i = 0; i < routes.length; i++) {
      var match = routes[i][0] === m.method ? routes[i][1].exec(path) : null;
      if (match) {
        Promise.resolve(routes[i][2](m, match)).catch(function (error) {
          emit('error', { message: 'LoadReportFailed', detailedMessage: String(error), errorCode: '500', level: 6 });
        });
        return;
      }
    }
    reply(m, 404, { message: 'NotSupported', detailedMessage: 'The Power BI emulator does not implement ' + m.method + ' ' + path });
  });
})();
`;
