// Mend playground: two phones, live over server-sent events. Plain JavaScript, no build step.
// Everything shown comes from the embedded Bot API server's record of each chat; what a
// person does on a phone is a POST that the server turns into a Telegram update.
"use strict";

const phones = new Map(); // phone id -> {root, chat, input, name, replyTo, ...}
let commands = [];
let botUsername = "";
let clock = { mend: null, at: 0, next: null };

// ---- talking to the playground ------------------------------------------------------------

async function post(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body || {}),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error || `The playground answered ${response.status}.`);
  return data;
}

function connect() {
  const events = new EventSource("/api/events");
  events.addEventListener("state", (e) => showState(JSON.parse(e.data)));
  events.addEventListener("message", (e) => {
    const { phone, message } = JSON.parse(e.data);
    upsert(phones.get(phone), message);
    refreshClockSoon();
  });
  events.addEventListener("deleted", (e) => {
    const { phone, id } = JSON.parse(e.data);
    remove(phones.get(phone), id);
  });
  events.addEventListener("answer", (e) => {
    const { phone, text, alert } = JSON.parse(e.data);
    toast(phones.get(phone), text, alert);
  });
  events.addEventListener("commands", (e) => { commands = JSON.parse(e.data); fillMenus(); });
  events.addEventListener("name", (e) => {
    const { phone, name } = JSON.parse(e.data);
    const p = phones.get(phone);
    if (p && document.activeElement !== p.name) p.name.value = name;
    named(phone, name);
  });
  events.addEventListener("clock", (e) => showClock(JSON.parse(e.data)));
}

// ---- the phones ---------------------------------------------------------------------------

function showState(state) {
  const main = document.getElementById("phones");
  if (phones.size === 0) {
    main.textContent = "";
    for (const data of state.phones) main.append(makePhone(data));
  }
  for (const data of state.phones) phones.get(data.id).name.value = data.name;
  botUsername = state.bot.username;
  for (const data of state.phones) {
    const p = phones.get(data.id);
    p.chat.textContent = "";
    for (const message of data.messages) upsert(p, message, false);
    p.chat.scrollTop = p.chat.scrollHeight;
  }
  commands = state.commands;
  fillMenus();
  showClock(state.clock);
}

function makePhone(data) {
  const root = document.getElementById("phone-template").content.firstElementChild.cloneNode(true);
  root.dataset.phone = data.id;
  const p = {
    id: data.id,
    root,
    chat: root.querySelector(".chat"),
    input: root.querySelector(".compose .entry"),
    name: root.querySelector(".name"),
    menu: root.querySelector(".menu"),
    toast: root.querySelector(".toast"),
    replying: root.querySelector(".replying"),
    replyTo: null,
  };
  phones.set(data.id, p);
  root.querySelector(".phone").setAttribute("aria-label", `${data.name}'s phone`);

  root.querySelector(".compose").addEventListener("submit", (event) => {
    event.preventDefault();
    send(p, p.input.value);
  });
  p.input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      send(p, p.input.value);
    }
  });
  root.querySelector(".voice").addEventListener("click", () =>
    act(p, () => post(`/api/phones/${p.id}/voice`)),
  );
  root.querySelector(".menu-button").addEventListener("click", () => {
    p.menu.hidden = !p.menu.hidden;
  });
  root.querySelector(".replying-cancel").addEventListener("click", () => setReply(p, null));
  p.name.addEventListener("change", () =>
    act(p, async () => {
      const { name } = await post(`/api/phones/${p.id}/name`, { name: p.name.value });
      p.name.value = name;
      named(p.id, name);
    }),
  );
  return root;
}

// A partner's new name, wherever the page shows it.
function named(id, name) {
  const p = phones.get(id);
  if (p) p.root.querySelector(".phone").setAttribute("aria-label", `${name}'s phone`);
  for (const chip of document.querySelectorAll(`.open-on[data-target="${id}"]`)) {
    chip.textContent = `Open on ${name}'s phone`;
  }
}

async function act(p, work) {
  try {
    await work();
  } catch (error) {
    toast(p, error.message, false);
  }
}

function send(p, text) {
  if (!text.trim()) return;
  const body = { text, reply_to: p.replyTo ? p.replyTo.id : null };
  act(p, async () => {
    await post(`/api/phones/${p.id}/send`, body);
    p.input.value = "";
    setReply(p, null);
  });
}

function setReply(p, message) {
  p.replyTo = message;
  p.replying.hidden = !message;
  p.replying.querySelector(".replying-text").textContent = message ? quoteText(message) : "";
  if (message) p.input.focus();
}

function quoteText(message) {
  const text = message.text || (message.kind === "voice" ? "Voice note" : message.kind);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function fillMenus() {
  for (const p of phones.values()) {
    const list = p.menu.querySelector("ul");
    list.textContent = "";
    for (const { command, description } of commands) {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      const name = document.createElement("span");
      name.className = "command";
      name.textContent = `/${command}`;
      const about = document.createElement("span");
      about.className = "description";
      about.textContent = description;
      button.append(name, about);
      button.addEventListener("click", () => {
        p.menu.hidden = true;
        send(p, `/${command}`);
      });
      item.append(button);
      list.append(item);
    }
    p.root.querySelector(".menu-button").disabled = commands.length === 0;
  }
}

function toast(p, text, alert) {
  if (!p || !text) return;
  p.toast.textContent = text;
  p.toast.classList.toggle("alert", !!alert);
  p.toast.hidden = false;
  clearTimeout(p.toastTimer);
  p.toastTimer = setTimeout(() => { p.toast.hidden = true; }, alert ? 5000 : 2500);
}

// ---- messages -----------------------------------------------------------------------------

function upsert(p, message, animate = true) {
  if (!p) return;
  const nearBottom = p.chat.scrollHeight - p.chat.scrollTop - p.chat.clientHeight < 80;
  const element = renderMessage(p, message);
  const existing = p.chat.querySelector(`.msg[data-id="${message.id}"]`);
  if (existing) {
    existing.replaceWith(element);
    if (animate) element.classList.add("changed");
  } else {
    const later = [...p.chat.children].find((child) => Number(child.dataset.id) > message.id);
    p.chat.insertBefore(element, later || null);
    if (animate) element.classList.add("fresh");
    if (animate && (nearBottom || message.from === "user")) {
      requestAnimationFrame(() => { p.chat.scrollTop = p.chat.scrollHeight; });
    }
  }
}

function remove(p, id) {
  if (!p) return;
  const element = p.chat.querySelector(`.msg[data-id="${id}"]`);
  if (!element) return;
  element.classList.add("leaving");
  element.dataset.deleted = "true";
  setTimeout(() => element.remove(), 300);
  if (p.replyTo && p.replyTo.id === id) setReply(p, null);
}

function renderMessage(p, message) {
  const element = document.createElement("div");
  element.className = `msg ${message.from}`;
  element.dataset.id = message.id;
  element.dataset.kind = message.kind;
  const bubble = document.createElement("div");
  bubble.className = "bubble";

  if (message.reply_to) {
    const quote = document.createElement("div");
    quote.className = "quote";
    quote.textContent = message.reply_to.deleted ? "Deleted message" : message.reply_to.text;
    bubble.append(quote);
  }
  if (message.file) bubble.append(renderFile(message));
  const text = document.createElement("div");
  text.className = "text";
  if (message.html !== null && message.html !== undefined) {
    text.append(telegramHtml(message.html, p));
  } else if (message.from === "bot") {
    text.append(linkify(message.text, p));
  } else {
    text.textContent = message.text;
  }
  bubble.append(text);
  if (message.edited) {
    const meta = document.createElement("div");
    meta.className = "meta";
    meta.textContent = "edited";
    bubble.append(meta);
  }
  element.append(bubble);

  if (message.buttons && message.buttons.length) {
    const keyboard = document.createElement("div");
    keyboard.className = "keyboard";
    message.buttons.forEach((row, r) => {
      const line = document.createElement("div");
      line.className = "row";
      row.forEach((button, c) => line.append(renderButton(p, message, button, r, c)));
      keyboard.append(line);
    });
    element.append(keyboard);
  }
  const reply = document.createElement("button");
  reply.type = "button";
  reply.className = "reply-button";
  reply.title = "Reply";
  reply.setAttribute("aria-label", "Reply");
  reply.textContent = "↩";
  reply.addEventListener("click", () => setReply(p, message));
  element.append(reply);
  return element;
}

function renderButton(p, message, button, row, column) {
  const shared = button.url ? sharedInvite(p, button.url) : null;
  if (shared) {
    // Telegram's share sheet for an invite to this bot: here it reaches the other phone.
    const element = document.createElement("button");
    element.type = "button";
    element.textContent = button.text;
    element.title = `In Telegram this opens the share sheet; here the invite opens on ${shared.other.name.value}'s phone.`;
    element.addEventListener("click", () => send(shared.other, `/start ${shared.code}`));
    return element;
  }
  if (button.url) {
    const link = document.createElement("a");
    const url = safeUrl(button.url);
    if (url) link.href = url;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    link.textContent = button.text;
    return link;
  }
  const element = document.createElement("button");
  element.type = "button";
  element.textContent = button.text;
  element.addEventListener("click", () =>
    act(p, () => post(`/api/phones/${p.id}/press`, { message_id: message.id, row, column })),
  );
  return element;
}

function renderFile(message) {
  const file = message.file;
  if (message.kind === "photo") {
    const link = document.createElement("a");
    link.href = file.url;
    link.target = "_blank";
    const image = document.createElement("img");
    image.className = "photo";
    image.src = file.url;
    image.alt = message.text || "A picture from Mend";
    link.append(image);
    return link;
  }
  if (message.kind === "voice") {
    const box = document.createElement("div");
    box.className = "voice-note";
    const audio = document.createElement("audio");
    audio.controls = true;
    audio.preload = "none";
    audio.src = file.url;
    audio.setAttribute("aria-label", "Voice note");
    const label = document.createElement("span");
    label.className = "meta";
    label.textContent = `Voice note${file.duration ? `, ${file.duration} s` : ""}`;
    box.append(audio, label);
    return box;
  }
  const link = document.createElement("a");
  link.className = "document";
  link.href = file.url;
  link.download = file.name || "file";
  const icon = document.createElement("span");
  icon.className = "icon";
  icon.textContent = "⬇";
  const about = document.createElement("span");
  const name = document.createElement("div");
  name.className = "name";
  name.textContent = file.name || "File";
  const size = document.createElement("div");
  size.className = "meta";
  size.textContent = `${Math.max(1, Math.round(file.size / 1024))} KB`;
  about.append(name, size);
  link.append(icon, about);
  return link;
}

// The HTML Telegram allows in a message, rebuilt element by element from an inert parse:
// anything else (a script, an attribute, an unknown tag) becomes its text or nothing.
const SAME = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre", "blockquote"];

function telegramHtml(html, p) {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  const out = document.createDocumentFragment();
  for (const node of parsed.body.childNodes) out.append(cleanNode(node, p));
  return out;
}

function cleanNode(node, p, inLink = false) {
  if (node.nodeType === Node.TEXT_NODE) {
    return inLink ? document.createTextNode(node.textContent) : linkify(node.textContent, p);
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return document.createTextNode("");
  const tag = node.tagName.toLowerCase();
  let element;
  if (SAME.includes(tag)) {
    element = document.createElement(tag);
  } else if (tag === "a") {
    element = link(node.getAttribute("href") || "", p);
    for (const child of node.childNodes) element.append(cleanNode(child, p, true));
    return invite(element, p);
  } else if (tag === "tg-spoiler" || (tag === "span" && node.classList.contains("tg-spoiler"))) {
    element = document.createElement("span");
    element.className = "spoiler";
    element.addEventListener("click", () => element.classList.add("shown"));
  } else {
    element = document.createDocumentFragment(); // tg-emoji, unknown: keep the text only
  }
  const plain = inLink || tag === "code" || tag === "pre";
  for (const child of node.childNodes) element.append(cleanNode(child, p, plain));
  return element;
}

function link(href, p) {
  const element = document.createElement("a");
  const url = safeUrl(href);
  if (url) element.href = url;
  element.target = "_blank";
  element.rel = "noopener noreferrer";
  return element;
}

// Bare URLs become links, as Telegram shows them.
function linkify(text, p) {
  const out = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    let url = match[0].replace(/[.,;:!?)\]]+$/, "");
    out.append(document.createTextNode(text.slice(last, match.index)));
    const element = link(url, p);
    element.textContent = url;
    out.append(invite(element, p));
    last = match.index + url.length;
  }
  out.append(document.createTextNode(text.slice(last)));
  return out;
}

// A t.me/share/url button whose link is an invite to this bot: {other phone, code}, or null.
function sharedInvite(p, url) {
  let link;
  try {
    const parsed = new URL(url);
    if (parsed.host !== "t.me" || parsed.pathname !== "/share/url") return null;
    link = parsed.searchParams.get("url") || "";
  } catch {
    return null;
  }
  const match = /^https:\/\/t\.me\/([A-Za-z0-9_]+)\?start=([A-Za-z0-9_-]+)$/.exec(link);
  const other = [...phones.values()].find((each) => each.id !== p.id);
  if (!match || !other || match[1].toLowerCase() !== botUsername.toLowerCase()) return null;
  return { other, code: match[2] };
}

// An invite link to this bot (t.me/<bot>?start=CODE): in Telegram, the partner opens it in
// their own app. Here a button beside it does that on the other phone.
function invite(element, p) {
  const match = /^https:\/\/t\.me\/([A-Za-z0-9_]+)\?start=([A-Za-z0-9_-]+)$/.exec(element.href || "");
  if (!p || !match || match[1].toLowerCase() !== botUsername.toLowerCase()) return element;
  const other = [...phones.values()].find((each) => each.id !== p.id);
  if (!other) return element;
  const open = document.createElement("button");
  open.type = "button";
  open.className = "open-on";
  open.textContent = `Open on ${other.name.value}'s phone`;
  open.dataset.target = other.id;
  open.title = "In Telegram, the partner opens this link in their own app.";
  open.addEventListener("click", () => send(other, `/start ${match[2]}`));
  const box = document.createDocumentFragment();
  box.append(element, " ", open);
  return box;
}

function safeUrl(url) {
  try {
    const parsed = new URL(url, window.location.href);
    return ["http:", "https:", "tg:", "mailto:"].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

// ---- the clock ----------------------------------------------------------------------------

const WHEN = { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || "your time zone";

function showClock(data) {
  clock = { mend: new Date(data.now), at: performance.now(), next: data.next ? new Date(data.next) : null };
  drawClock();
}

function mendNow() {
  return new Date(clock.mend.getTime() + (performance.now() - clock.at));
}

function drawClock() {
  if (!clock.mend) return;
  const now = mendNow();
  document.getElementById("clock-now").textContent = `${now.toLocaleString(undefined, WHEN)} (${ZONE})`;
  const next = document.getElementById("clock-next");
  if (!clock.next) {
    next.textContent = "none yet";
  } else {
    const minutes = Math.max(0, Math.round((clock.next - now) / 60000));
    const hours = Math.floor(minutes / 60);
    const days = Math.floor(hours / 24);
    const left = days ? `${days} d ${hours % 24} h` : hours ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
    next.textContent = `${clock.next.toLocaleString(undefined, WHEN)} (in ${left})`;
  }
}

let clockTimer = null;
function refreshClockSoon() {
  clearTimeout(clockTimer);
  clockTimer = setTimeout(async () => {
    const response = await fetch("/api/clock");
    if (response.ok) showClock(await response.json());
  }, 400);
}

function setUpClock() {
  const note = document.getElementById("clock-note");
  for (const button of document.querySelectorAll("[data-move]")) {
    button.addEventListener("click", async () => {
      const all = document.querySelectorAll("[data-move]");
      all.forEach((b) => { b.disabled = true; });
      note.textContent = "";
      try {
        showClock(await post("/api/clock", { move: button.dataset.move }));
        note.textContent = `Clock moved: ${button.textContent}.`;
      } catch (error) {
        note.textContent = error.message;
      } finally {
        all.forEach((b) => { b.disabled = false; });
      }
    });
  }
  setInterval(drawClock, 1000);
}

setUpClock();
connect();
