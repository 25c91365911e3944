// The guests' display: what is on air, what comes next, the segment's countdown, the
// producer's message. It receives no personal data: only a first name and an area.
"use strict";
(function () {
  let leftAt = null; // {left_s, at: client ms}
  let held = false;

  function fmt(s) {
    const neg = s < 0;
    s = Math.abs(Math.round(s));
    const m = Math.floor(s / 60), r = s % 60;
    return (neg ? "+" : "") + String(m).padStart(2, "0") + ":" + String(r).padStart(2, "0");
  }
  function tick() {
    const el = document.getElementById("countdown");
    if (!leftAt) { el.textContent = "--:--"; el.className = "countdown"; return; }
    const left = held ? leftAt.left : leftAt.left - (Date.now() - leftAt.at) / 1000;
    el.textContent = fmt(left);
    el.className = "countdown" + (left < 0 ? " over" : left < 30 ? " warn" : "") + (held ? " held" : "");
  }
  setInterval(tick, 250);

  function who(q) {
    return (q.name || "Pendengar") + (q.area ? " — " + q.area : "");
  }

  function render(v) {
    document.getElementById("onair").className = "onair " + (v.on_air_sign ? "on" : "off");
    const seg = v.session && v.session.segment;
    dsText(document.getElementById("segment-title"), seg ? seg.title : (v.session ? v.session.topic : "Belum ada sesi"));
    leftAt = seg ? {left: seg.left_s, at: Date.now()} : null;
    held = !!(seg && seg.held);
    tick();

    const now = v.on_air;
    document.getElementById("now").hidden = !now;
    document.getElementById("now-empty").hidden = !!now;
    if (now) {
      dsText(document.getElementById("now-number"), "Pertanyaan " + now.number + ":");
      dsText(document.getElementById("now-name"), who(now));
      dsText(document.getElementById("now-area"), "");
      dsText(document.getElementById("now-text"), now.text);
    }
    const list = document.getElementById("next-list");
    list.replaceChildren();
    for (const q of v.next || []) {
      const li = document.createElement("li");
      const w = document.createElement("div");
      w.className = "who";
      dsText(w, who(q));
      const t = document.createElement("div");
      t.className = "next-text";
      dsText(t, q.text);
      li.append(w, t);
      list.append(li);
    }
    if (!(v.next || []).length) {
      const li = document.createElement("li");
      li.className = "empty";
      dsText(li, "Belum ada pertanyaan yang disetujui");
      list.append(li);
    }
    const msg = document.getElementById("message");
    msg.hidden = !v.message;
    dsText(msg, v.message);
  }
  dsLive(render);
})();
