// Agent Desk web chat: the visitor's page. Plain JavaScript, no build step, no CDN.
// Every text is inserted with textContent (never as HTML); the visitor's token lives in this
// site's localStorage and travels in a header, never in a URL.
"use strict";

(function () {
  const API = "/api/v1/widget";
  const TOKEN_KEY = "agentDesk.visitor";
  const OUTBOX_KEY = "agentDesk.outbox";
  const TEXTS = {
    en: {
      title: "Chat with us", send: "Send", box: "Your message", list: "Conversation",
      placeholder: "Write a message… (Enter sends, Shift+Enter for a new line)",
      online: "We usually reply within a few minutes.", reconnecting: "Reconnecting…",
      offline: "You are offline: your messages are kept and sent when you are back.",
      you: "You", agent: "Support", sending: "sending…", sent: "sent", failed: "not sent",
      delivered: "delivered", read: "read",
      rate_limited: "You are sending messages very quickly: wait a few seconds, they are kept.",
      too_large: "This message is too long to send: please shorten it.",
      ended: "This chat has ended. Reload the page to start a new one.",
      typing: "Support is typing…",
    },
    zh_CN: {
      title: "在线客服", send: "发送", box: "您的消息", list: "对话",
      placeholder: "输入消息…（Enter 发送，Shift+Enter 换行）",
      online: "我们通常会在几分钟内回复。", reconnecting: "正在重新连接…",
      offline: "您已离线：消息会保留，联网后自动发送。",
      you: "我", agent: "客服", sending: "发送中…", sent: "已发送", failed: "未发送",
      delivered: "已送达", read: "已读",
      rate_limited: "您发送得太快了：请稍等几秒，消息会保留。",
      too_large: "这条消息太长，无法发送：请缩短后再发。",
      ended: "本次对话已结束。刷新页面即可开始新的对话。",
      typing: "客服正在输入…",
    },
    zh_TW: {
      title: "線上客服", send: "傳送", box: "您的訊息", list: "對話",
      placeholder: "輸入訊息…（Enter 傳送，Shift+Enter 換行）",
      online: "我們通常會在幾分鐘內回覆。", reconnecting: "正在重新連線…",
      offline: "您已離線：訊息會保留，連線後自動傳送。",
      you: "我", agent: "客服", sending: "傳送中…", sent: "已傳送", failed: "未傳送",
      delivered: "已送達", read: "已讀",
      rate_limited: "您傳送得太快了：請稍等幾秒，訊息會保留。",
      too_large: "這則訊息太長，無法傳送：請縮短後再傳。",
      ended: "本次對話已結束。重新整理頁面即可開始新的對話。",
      typing: "客服正在輸入…",
    },
  };

  function language() {
    for (const tag of navigator.languages || [navigator.language || "en"]) {
      const t = tag.toLowerCase();
      if (t.startsWith("zh")) {
        return /tw|hk|mo|hant/.test(t) ? "zh_TW" : "zh_CN";
      }
      if (t.startsWith("en")) return "en";
    }
    return "en";
  }

  const lang = language();
  const T = TEXTS[lang];
  const $ = (id) => document.getElementById(id);
  const list = $("messages");
  const box = $("box");
  const shown = new Map(); // message id -> <li>
  let token = localStorage.getItem(TOKEN_KEY);
  let lastEventId = "";
  let backoff = 1000;

  document.documentElement.lang = lang.replace("_", "-");
  document.title = T.title;
  $("title").textContent = T.title;
  $("send").textContent = T.send;
  $("box-label").textContent = T.box;
  box.placeholder = T.placeholder;
  list.setAttribute("aria-label", T.list);

  function state(text) { $("state").textContent = text; }
  function notice(text) {
    const n = $("notice");
    n.textContent = text || "";
    n.hidden = !text;
  }

  function identityFromHash() {
    // a shop's page may pass a signed identity in the fragment (never sent to any server
    // by the browser): #identity=<base64 of {"user_id","email","phone","signature"}>
    const m = /identity=([^&]+)/.exec(location.hash);
    if (!m) return null;
    try { return JSON.parse(atob(decodeURIComponent(m[1]))); } catch (e) { return null; }
  }

  async function api(path, options) {
    const headers = Object.assign({ "Content-Type": "application/json" }, (options || {}).headers);
    if (token) headers["X-Agent-Desk-Visitor"] = token;
    return fetch(API + path, Object.assign({}, options, { headers }));
  }

  async function ensureSession() {
    if (token) return;
    const reply = await api("/session", {
      method: "POST",
      body: JSON.stringify({ identity: identityFromHash(), locale: lang }),
    });
    if (!reply.ok) throw new Error("session " + reply.status);
    token = (await reply.json()).token;
    localStorage.setItem(TOKEN_KEY, token);
  }

  function statusText(m) {
    if (m.from === "agent") return "";
    return T[m.status] || "";
  }

  function render(m) {
    let li = shown.get(m.id);
    if (!li && m.client_id && shown.has("local-" + m.client_id)) {
      // what the visitor wrote, now at the server: the same bubble, under its server id
      li = shown.get("local-" + m.client_id);
      shown.delete("local-" + m.client_id);
      shown.set(m.id, li);
    }
    if (!li) {
      li = document.createElement("li");
      li.appendChild(document.createElement("div")).className = "bubble";
      li.appendChild(document.createElement("div")).className = "meta";
      shown.set(m.id, li);
      list.appendChild(li);
      list.scrollTop = list.scrollHeight;
    }
    li.className = m.from + (m.status === "failed" ? " failed" : "");
    li.dataset.id = m.id;
    li.querySelector(".bubble").textContent = m.body;
    const who = m.from === "visitor" ? T.you : (m.author || T.agent);
    const time = m.created_at ? new Date(m.created_at).toLocaleTimeString(lang.replace("_", "-"), { hour: "2-digit", minute: "2-digit" }) : "";
    li.querySelector(".meta").textContent = [who, time, statusText(m)].filter(Boolean).join(" · ");
  }

  // --- the outbox: what the visitor wrote, kept until the server has it ----------------------

  function outbox() {
    try { return JSON.parse(localStorage.getItem(OUTBOX_KEY) || "[]"); } catch (e) { return []; }
  }
  function saveOutbox(items) { localStorage.setItem(OUTBOX_KEY, JSON.stringify(items)); }

  function queue(text) {
    const item = { client_id: crypto.randomUUID(), body: text };
    saveOutbox(outbox().concat([item]));
    render({ id: "local-" + item.client_id, from: "visitor", body: text, status: "sending" });
    flush();
  }

  let flushing = false;
  async function flush() {
    if (flushing) return;
    flushing = true;
    try {
      while (outbox().length) {
        const item = outbox()[0];
        let reply;
        try {
          await ensureSession();
          reply = await api("/messages", { method: "POST", body: JSON.stringify(item) });
        } catch (e) {
          notice(navigator.onLine ? T.reconnecting : T.offline);
          setTimeout(flush, 3000);
          return;
        }
        if (reply.status === 429) {
          notice(T.rate_limited);
          setTimeout(flush, 3000);
          return;
        }
        if (reply.status === 401) { token = null; localStorage.removeItem(TOKEN_KEY); continue; }
        const local = shown.get("local-" + item.client_id);
        if (reply.ok) {
          render(await reply.json());
          notice("");
        } else {
          notice(reply.status === 413 ? T.too_large : T.failed);
          if (local) render({ id: "local-" + item.client_id, from: "visitor", body: item.body, status: "failed" });
        }
        saveOutbox(outbox().filter((o) => o.client_id !== item.client_id));
      }
    } finally {
      flushing = false;
    }
  }

  // --- receipts: the page has the agent's reply (delivered), the visitor saw it (read) --------

  const unread = new Set();
  async function acknowledge(ids, status) {
    if (!ids.length) return;
    try {
      await api("/receipts", { method: "POST", body: JSON.stringify({ message_ids: ids, status }) });
    } catch (e) { /* the next event resends them */ }
  }
  function seen() {
    if (document.visibilityState === "visible" && unread.size) {
      const ids = Array.from(unread);
      unread.clear();
      acknowledge(ids, "read");
    }
  }
  document.addEventListener("visibilitychange", seen);

  function received(messages) {
    const fresh = [];
    for (const m of messages) {
      render(m);
      if (m.from === "agent" && m.status !== "read") {
        if (m.status !== "delivered") fresh.push(m.id);
        unread.add(m.id);
      }
    }
    acknowledge(fresh, "delivered");
    seen();
  }

  // --- live: server-sent events over fetch (so the token goes in a header) -----------------

  async function listen() {
    for (;;) {
      try {
        await ensureSession();
        const headers = { "X-Agent-Desk-Visitor": token };
        if (lastEventId) headers["Last-Event-ID"] = lastEventId;
        const reply = await fetch(API + "/events", { headers, cache: "no-store" });
        if (reply.status === 401) { state(T.ended); return; }
        if (!reply.ok || !reply.body) throw new Error("events " + reply.status);
        state(T.online);
        backoff = 1000;
        const reader = reply.body.getReader();
        const decoder = new TextDecoder();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let cut;
          while ((cut = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            let event = "message", data = "", id = null;
            for (const line of block.split("\n")) {
              if (line.startsWith("event:")) event = line.slice(6).trim();
              else if (line.startsWith("data:")) data += line.slice(5).trim();
              else if (line.startsWith("id:")) id = line.slice(3).trim();
            }
            if (id) lastEventId = id;
            if (event === "messages" && data) received(JSON.parse(data).messages);
            if (event === "typing" && data) state(JSON.parse(data).typing ? T.typing : T.online);
            if (event === "ended") { state(T.ended); return; }
          }
        }
      } catch (e) {
        /* dropped: say so, then come back with Last-Event-ID and get what was missed */
      }
      state(navigator.onLine ? T.reconnecting : T.offline);
      await new Promise((r) => setTimeout(r, backoff));
      backoff = Math.min(backoff * 2, 15000);
    }
  }

  $("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = box.value.trim();
    if (!text) return;
    box.value = "";
    queue(text);
  });
  box.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("composer").requestSubmit();
    }
  });
  window.addEventListener("online", flush);

  state(T.reconnecting);
  for (const item of outbox()) {
    render({ id: "local-" + item.client_id, from: "visitor", body: item.body, status: "sending" });
  }
  listen();
  flush();
})();
