/**
 * The Microsoft clients that obtain SSO tokens for a Teams app (`getAuthToken`), as Microsoft
 * documents them for "authorized client applications" (Teams tab SSO: Register your tab app with
 * Microsoft Entra ID) and as aad.manifest.json pre-authorises them. A personal tab of a manifest
 * ≥ 1.13 also runs in Outlook and the Microsoft 365 app, whose hosts are listed too.
 */
export const microsoftHostClientIds: readonly string[] = [
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264', // Teams desktop and mobile
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', // Teams web
  '4765445b-32c6-49b0-83e6-1d93765276ca', // Microsoft 365 web (Office.com)
  '4345a7b9-9a63-4910-a426-35363201d503', // Microsoft 365 web (Office.com, O365 Suite UX)
  '0ec893e0-5785-4de6-99da-4ed124e5296c', // Microsoft 365 desktop
  'd3590ed6-52b3-4102-aeff-aad2292ab01c', // Microsoft 365 mobile, Outlook desktop
  '00000002-0000-0ff1-ce00-000000000000', // Outlook web (Exchange Online)
  'bc59ab01-8403-45c6-8796-ac3ef710b3e3', // Outlook web
  '27922004-5251-4030-b22d-91ecd9a37ea4', // Outlook mobile
];
