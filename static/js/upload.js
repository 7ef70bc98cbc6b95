// Resumable upload of large files from the admin (see media/uploads.py).
// Parts go to presigned S3 URLs (or to our chunk endpoint on the filesystem profile), three at
// a time, each retried; the session id is kept in localStorage under the file's name, size and
// date, so choosing the same file again after a dropped connection skips the parts done.
(function () {
  "use strict";
  const form = document.getElementById("large-upload");
  if (!form) return;
  const ZERO = "00000000-0000-0000-0000-000000000000";
  const csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  const statusLine = document.getElementById("large-upload-status");
  const progress = form.querySelector("progress");
  const abortButton = form.querySelector("[data-upload-abort]");
  const text = (name) => form.dataset["message" + name];
  let current = null;

  const say = (message) => { statusLine.textContent = message; };
  const sessionUrl = (id, tail) => form.dataset.statusUrl.replace(ZERO, id) + (tail || "");
  const storageKey = (file) => `portal-upload:${file.name}:${file.size}:${file.lastModified}`;

  async function request(url, options) {
    const response = await fetch(url, Object.assign({ credentials: "same-origin" }, options));
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.error || response.statusText);
    return data;
  }

  function post(url, fields) {
    const body = new FormData();
    Object.entries(fields || {}).forEach(([key, value]) => body.append(key, value));
    return request(url, { method: "POST", body, headers: { "X-CSRFToken": csrf } });
  }

  async function digest(blob) {
    if (!window.crypto || !crypto.subtle) return "";  // only on HTTPS or localhost
    const hash = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
    return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function put(target, blob, onProgress) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(target.method, target.url);
      if (target.same_origin) xhr.setRequestHeader("X-CSRFToken", csrf);
      xhr.upload.onprogress = (event) => onProgress(event.loaded);
      xhr.onload = () => (xhr.status < 300 ? resolve() : reject(new Error(xhr.statusText || String(xhr.status))));
      xhr.onerror = () => reject(new Error(text("Unavailable")));
      xhr.send(blob);
    });
  }

  async function sendPart(session, file, number, sent) {
    const start = (number - 1) * session.part_size;
    const blob = file.slice(start, Math.min(start + session.part_size, file.size));
    for (let attempt = 1; ; attempt++) {
      try {
        const target = await post(sessionUrl(session.id, `parts/${number}/`), { sha256: await digest(blob) });
        await put(target, blob, (loaded) => sent(number, loaded));
        sent(number, blob.size);
        return;
      } catch (error) {
        if (attempt >= 4) throw error;
        await new Promise((wait) => setTimeout(wait, 1000 * 2 ** attempt));
      }
    }
  }

  async function openSession(file) {
    const known = localStorage.getItem(storageKey(file));
    if (known) {
      try {
        const session = await request(sessionUrl(known));
        if (session.status === "open" || session.status === "verifying") {
          say(text("Resuming"));
          return session;
        }
      } catch (error) { /* gone or not ours: start afresh */ }
    }
    const session = await post(form.action, {
      filename: file.name,
      size: file.size,
      title: form.title.value,
      collection: form.collection.value,
    });
    localStorage.setItem(storageKey(file), session.id);
    return session;
  }

  async function upload(file) {
    const session = await openSession(file);
    current = session;
    abortButton.hidden = false;
    progress.hidden = false;
    const loaded = {};
    (session.parts_done || []).forEach((n) => { loaded[n] = Math.min(session.part_size, file.size - (n - 1) * session.part_size); });
    const sent = (number, bytes) => {
      loaded[number] = bytes;
      const total = Object.values(loaded).reduce((a, b) => a + b, 0);
      progress.value = Math.floor((100 * total) / file.size);
      say(`${progress.value}%`);
    };
    sent(0, 0);
    const queue = [];
    for (let n = 1; n <= session.part_count; n++) if (!(session.parts_done || []).includes(n)) queue.push(n);
    const worker = async () => { while (queue.length) await sendPart(session, file, queue.shift(), sent); };
    if (session.status === "open") await Promise.all([worker(), worker(), worker()]);
    say(text("Verifying"));
    let result = await post(sessionUrl(session.id, "complete/"));
    while (result.status === "verifying") {
      await new Promise((wait) => setTimeout(wait, 2000));
      result = await request(sessionUrl(session.id));
    }
    localStorage.removeItem(storageKey(file));
    abortButton.hidden = true;
    if (result.status !== "done") throw new Error(result.message);
    statusLine.innerHTML = "";
    const link = document.createElement("a");
    link.href = result.document.edit_url;
    link.textContent = text("Done");
    statusLine.appendChild(link);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const file = form.file.files[0];
    if (!file) return;
    form.querySelector("[type=submit]").disabled = true;
    upload(file)
      .catch((error) => say(error.message || text("Unavailable")))
      .finally(() => { form.querySelector("[type=submit]").disabled = false; });
  });

  abortButton.addEventListener("click", () => {
    if (!current) return;
    post(sessionUrl(current.id, "abort/")).then(() => {
      abortButton.hidden = true;
      progress.hidden = true;
      say("");
    }).catch((error) => say(error.message));
  });
})();
