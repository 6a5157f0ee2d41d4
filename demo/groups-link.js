// The check-in's "find a group" step leads to the group finder further down this page, filtered by the topics the
// student picked (?topic=…, read by the finder's sync-url), and its "talk to a peer" step to the request button;
// the request button offers the groups when nobody is on shift. Widgets follow absolute links only (a relative one
// would resolve against whatever page embeds them), and this demo runs at whatever address the server listens on,
// so the links are written here. A campus page writes its own, e.g.
// groups-href="https://wellbeing.example.edu/support#groups".
const here = (hash) => {
  const url = new URL(hash, window.location.href);
  url.search = '';
  return url.href;
};
const checkIn = document.querySelector('peer-check-in');
checkIn?.setAttribute('groups-href', here('#groups'));
checkIn?.setAttribute('peer-href', here('#talk'));
document.querySelector('peer-request-button')?.setAttribute('groups-href', here('#groups'));
