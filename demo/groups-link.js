// The check-in's "find a group" step leads to the group finder further down this page, filtered by the topics the
// student picked (?topic=…, read by the finder's sync-url). Widgets follow absolute links only (a relative one would
// resolve against whatever page embeds them), and this demo runs at whatever address the server listens on, so the
// link is written here. A campus page writes its own, e.g. groups-href="https://wellbeing.example.edu/support#groups".
const finder = new URL('#groups', window.location.href);
finder.search = '';
document.querySelector('peer-check-in')?.setAttribute('groups-href', finder.href);
