// Live updates from the studio service (Server-Sent Events). Reconnects by itself; while it
// cannot, the page says what it shows may be stale. A revoked seat stops trying.
"use strict";
function dsLive(onView) {
  const stale = document.getElementById("stale");
  const revoked = document.getElementById("revoked");
  let source = null;
  let retry = 1000;
  let lastView = 0;

  function setStale(on) {
    if (stale) stale.hidden = !on;
    document.body.classList.toggle("is-stale", on);
    const conn = document.getElementById("conn");
    if (conn) {
      conn.textContent = on ? "terputus" : "terhubung";
      conn.className = "conn " + (on ? "bad" : "ok");
    }
  }

  async function seatStillValid() {
    try {
      const r = await fetch("/api/me", {credentials: "same-origin", cache: "no-store"});
      return r.status !== 401;
    } catch (e) {
      return true; // the network is down, not the seat
    }
  }

  function connect() {
    source = new EventSource("/api/events");
    source.addEventListener("view", (ev) => {
      retry = 1000;
      lastView = Date.now();
      setStale(false);
      try { onView(JSON.parse(ev.data)); } catch (e) { console.error(e); }
    });
    source.onerror = async () => {
      source.close();
      setStale(true);
      if (!(await seatStillValid())) {
        if (revoked) revoked.hidden = false;
        return;
      }
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 10000);
    };
  }
  // A stream that went silent (Wi-Fi dropped without a close) is stale after 25 s: the
  // service sends a keep-alive every 10 s.
  setInterval(() => {
    if (lastView && Date.now() - lastView > 25000 && source && source.readyState !== 1) setStale(true);
  }, 5000);
  connect();
  return {
    markAlive() { lastView = Date.now(); }
  };
}

function dsText(el, text) {
  el.textContent = text == null ? "" : String(text);
}
