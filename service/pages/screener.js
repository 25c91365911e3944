// The screener's seat: the intake form and the incoming list with screen, approve, reject,
// merge and defer, the content flags and the caller's earlier questions.
"use strict";
(function () {
  const STATUS = {
    new: "Baru", screened: "Disaring", approved: "Disetujui", on_air: "Mengudara",
    answered: "Terjawab", rejected: "Ditolak", merged: "Digabung", deferred: "Dijawab tertulis"
  };
  const CHANNEL = {phone: "Telepon", sms: "SMS", whatsapp: "WhatsApp", email: "E-mail",
    social: "Media sosial", letter: "Surat", studio: "Di studio"};

  async function post(url, body) {
    const r = await fetch(url, {
      method: "POST", credentials: "same-origin", cache: "no-store",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify(body || {})
    });
    let data = {};
    try { data = await r.json(); } catch (e) { /* empty */ }
    if (!r.ok) throw new Error(data.error || ("HTTP " + r.status));
    return data;
  }

  function say(text, bad) {
    const s = document.getElementById("form-status");
    dsText(s, text);
    s.className = "status" + (bad ? " bad" : " good");
  }

  document.getElementById("intake").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const f = ev.target;
    const body = {
      caller_name: f.caller_name.value, origin: f.origin.value, contact: f.contact.value,
      channel: f.channel.value, text: f.text.value, info_request: f.info_request.checked,
      purpose: f.purpose.value
    };
    try {
      const q = await post("/api/questions", body);
      say("Tersimpan sebagai pertanyaan " + q.number, false);
      f.reset();
    } catch (e) {
      say(e.message, true);
    }
  });

  document.getElementById("attach").addEventListener("click", async () => {
    try {
      const r = await post("/api/inbox/attach", {});
      say(r.question_ids.length + " pesan dimasukkan ke sesi", false);
    } catch (e) { say(e.message, true); }
  });

  document.getElementById("earlier-close").addEventListener("click", () =>
    document.getElementById("earlier").close());

  async function showEarlier(id) {
    const list = document.getElementById("earlier-list");
    list.replaceChildren();
    try {
      const r = await fetch("/api/questions/" + id + "/earlier", {credentials: "same-origin"});
      const items = await r.json();
      if (!items.length) {
        const li = document.createElement("li");
        dsText(li, "Tidak ada pertanyaan sebelumnya");
        list.append(li);
      }
      for (const e of items) {
        const li = document.createElement("li");
        dsText(li, e.received_at.slice(0, 10) + " (" + (STATUS[e.status] || e.status) + "): " + e.text);
        list.append(li);
      }
    } catch (e) { say(e.message, true); }
    document.getElementById("earlier").showModal();
  }

  async function act(q, action) {
    const body = {};
    if (action === "reject" || action === "defer") {
      const reason = prompt(action === "reject" ? "Alasan penolakan:" : "Alasan dijawab tertulis:");
      if (reason === null) return;
      body.reason = reason;
    }
    if (action === "merge") {
      const into = prompt("Gabungkan ke pertanyaan nomor (id):");
      if (into === null) return;
      body.into = parseInt(into, 10);
    }
    try { await post("/api/questions/" + q.id + "/" + action, body); }
    catch (e) { say(e.message, true); }
  }

  function button(label, action, q, cls) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = cls || "";
    b.dataset.action = action;
    dsText(b, label);
    b.addEventListener("click", () => action === "earlier" ? showEarlier(q.id) : act(q, action));
    return b;
  }

  function render(v) {
    dsText(document.getElementById("session-topic"),
      v.session ? v.session.topic : "Belum ada sesi yang berlangsung");
    dsText(document.getElementById("inbox-count"), (v.inbox || []).length);
    const box = document.getElementById("questions");
    box.replaceChildren();
    const order = {new: 0, screened: 1, approved: 2, on_air: 3, deferred: 4, answered: 5, rejected: 6, merged: 7};
    const qs = (v.questions || []).slice().sort((a, b) =>
      (order[a.status] - order[b.status]) || (a.queue_pos || 0) - (b.queue_pos || 0) || b.number - a.number);
    for (const q of qs) {
      const card = document.createElement("article");
      card.className = "q status-" + q.status;
      card.dataset.id = q.id;
      const head = document.createElement("div");
      head.className = "q-head";
      dsText(head, "#" + q.number + " · " + (CHANNEL[q.channel] || q.channel) + " · " +
        (q.caller_name || "tanpa nama") + (q.origin ? " (" + q.origin + ")" : "") +
        (q.contact ? " · " + q.contact : ""));
      const st = document.createElement("span");
      st.className = "badge";
      dsText(st, STATUS[q.status] || q.status);
      head.append(" ", st);
      if (q.info_request) {
        const ir = document.createElement("span");
        ir.className = "badge info";
        dsText(ir, "Permohonan informasi");
        head.append(" ", ir);
      }
      const text = document.createElement("p");
      text.className = "q-text";
      dsText(text, q.text);
      card.append(head, text);
      if ((q.flags || []).length) {
        const fl = document.createElement("div");
        fl.className = "flags";
        dsText(fl, "PERHATIAN: " + q.flags.map((f) => f.category.toUpperCase() + " (" + f.term + ")").join(", "));
        card.append(fl);
      }
      if (q.reason) {
        const r = document.createElement("div");
        r.className = "reason";
        dsText(r, "Alasan: " + q.reason);
        card.append(r);
      }
      const actions = document.createElement("div");
      actions.className = "actions";
      if (q.status === "new") actions.append(button("Saring", "screen", q));
      if (q.status === "new" || q.status === "screened") {
        actions.append(button("Setujui", "approve", q, "go"), button("Tolak", "reject", q, "stop"),
          button("Gabung", "merge", q), button("Tertulis", "defer", q));
      }
      if (q.contact) actions.append(button("Riwayat", "earlier", q));
      card.append(actions);
      box.append(card);
    }
    if (!qs.length) {
      const p = document.createElement("p");
      p.className = "empty";
      dsText(p, "Belum ada pertanyaan");
      box.append(p);
    }
  }

  fetch("/api/me", {credentials: "same-origin"}).then((r) => r.ok ? r.json() : null).then((me) => {
    if (me) dsText(document.getElementById("seat-name"), me.name);
  });
  dsLive(render);
})();
