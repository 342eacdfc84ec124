// Kentongan operators' console: plain JavaScript, no libraries. Talks to the admin API with the token given at sign-in
// (kept in this tab's sessionStorage only).
(function () {
  "use strict";
  const T = {
    id: { console: "Konsol Operator", token: "Token admin", signin: "Masuk", hops: "hop/detik", now: "sesi aktif", sessions: "sesi dimulai",
      errors: "layar sibuk", smsq: "SMS antre", smsc: "SMSC", menu: "Menu", validate: "Periksa", publish: "Terbitkan…",
      changes: "Perubahan terhadap versi aktif", confirm: "Ya, lanjutkan", cancel: "Batal", versions: "Versi",
      phone: "Simulator ponsel (draf)", dial: "Panggil", send: "Kirim", hangup: "Tutup", valid: "Menu valid.",
      published: "Diterbitkan versi", rolledBack: "Dikembalikan ke versi", rollback: "Kembalikan", live: "aktif",
      badToken: "Token ditolak.", line: "Baris", bound: "terhubung", down: "putus", fixFirst: "Perbaiki kesalahan dulu." },
    en: { console: "Operator Console", token: "Admin token", signin: "Sign in", hops: "hops/s", now: "sessions now", sessions: "sessions started",
      errors: "busy screens", smsq: "SMS queued", smsc: "SMSC", menu: "Menu", validate: "Validate", publish: "Publish…",
      changes: "Changes against the live version", confirm: "Yes, go ahead", cancel: "Cancel", versions: "Versions",
      phone: "Phone simulator (draft)", dial: "Dial", send: "Send", hangup: "Hang up", valid: "The menu is valid.",
      published: "Published version", rolledBack: "Rolled back to version", rollback: "Roll back", live: "live",
      badToken: "Token refused.", line: "Line", bound: "bound", down: "down", fixFirst: "Fix the problems first." }
  };
  let lang = "id";
  const $ = (id) => document.getElementById(id);
  const t = (k) => T[lang][k] || k;
  let token = sessionStorage.getItem("kentongan-token") || "";
  let menus = [];
  let inputs = null; // null: not in a call
  let lastStats = null;

  function translate() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach((e) => { e.textContent = t(e.dataset.i18n); });
    $("lang-id").classList.toggle("on", lang === "id");
    $("lang-en").classList.toggle("on", lang === "en");
  }

  async function api(method, path, body, type) {
    const headers = { Authorization: "Bearer " + token };
    if (body !== undefined) headers["Content-Type"] = type || "application/json";
    const r = await fetch(path, { method, headers, body: body === undefined ? undefined : (typeof body === "string" ? body : JSON.stringify(body)) });
    const text = await r.text();
    let json = null;
    try { json = JSON.parse(text); } catch (e) { json = null; }
    return { status: r.status, json, text };
  }

  async function signIn() {
    token = $("token").value.trim() || token;
    const r = await api("GET", "/admin/menus");
    if (r.status !== 200) {
      $("signin-error").textContent = t("badToken");
      $("signin-error").hidden = false;
      return;
    }
    sessionStorage.setItem("kentongan-token", token);
    $("signin-box").hidden = true;
    $("app").hidden = false;
    menus = r.json.menus;
    $("menu").innerHTML = "";
    menus.forEach((m) => {
      const o = document.createElement("option");
      o.value = m.serviceCode;
      o.textContent = m.serviceCode + " " + m.name;
      o.dataset.file = m.file;
      $("menu").appendChild(o);
    });
    await loadMenu();
    stats();
    setInterval(stats, 2000);
  }

  function code() { return $("menu").value; }
  function file() { const o = $("menu").selectedOptions[0]; return o ? o.dataset.file : "draft.yaml"; }
  function path(c) { return encodeURIComponent(c); }

  async function loadMenu() {
    const r = await api("GET", "/admin/menus/" + path(code()));
    $("editor").value = r.json ? r.json.text : "";
    showProblems([]);
    $("problems").innerHTML = "";
    renderVersions(r.json ? r.json.versions : []);
    gutter([]);
  }

  function renderVersions(versions) {
    const ul = $("versions");
    ul.innerHTML = "";
    versions.forEach((v) => {
      const li = document.createElement("li");
      li.textContent = v.version + " · " + v.at.replace("T", " ").substring(0, 19) + " · " + v.source + (v.live ? " · " + t("live") : " ");
      if (!v.live) {
        const b = document.createElement("button");
        b.textContent = t("rollback");
        b.className = "rollback";
        b.onclick = async () => {
          // The diff first (live -> that version), then the operator confirms.
          const live = versions.find((x) => x.live);
          const d = await api("GET", "/admin/menus/" + path(code()) + "/diff?from=" + (live ? live.version : v.version) + "&to=" + v.version);
          showDiff(d.json ? d.json.lines : []);
          pending = async () => {
            const r = await api("POST", "/admin/menus/" + path(code()) + "/rollback", { version: v.version });
            $("status").textContent = r.status === 200 ? t("rolledBack") + " " + v.version : (r.json && r.json.error) || r.status;
            await loadMenu();
          };
        };
        li.appendChild(b);
      }
      ul.appendChild(li);
    });
  }

  function gutter(badLines) {
    const n = $("editor").value.split("\n").length;
    const bad = new Set(badLines);
    let html = "";
    for (let i = 1; i <= n; i++) html += bad.has(i) ? '<span class="bad" data-line="' + i + '">⚠' + i + "</span>\n" : i + "\n";
    $("gutter").innerHTML = html;
    $("editor").style.height = (n * 1.35 + 1) + "em";
  }

  function showProblems(problems) {
    const ul = $("problems");
    ul.innerHTML = "";
    problems.forEach((p) => {
      const li = document.createElement("li");
      li.className = "problem";
      li.dataset.line = p.line;
      li.textContent = t("line") + " " + p.line + (p.screen ? " · " + p.screen : "") + ": " + p.message;
      li.onclick = () => goToLine(p.line);
      ul.appendChild(li);
    });
    gutter(problems.map((p) => p.line));
  }

  function goToLine(line) {
    const lines = $("editor").value.split("\n");
    let at = 0;
    for (let i = 0; i < line - 1; i++) at += lines[i].length + 1;
    $("editor").focus();
    $("editor").setSelectionRange(at, at + (lines[line - 1] || "").length);
  }

  async function validate() {
    const r = await api("POST", "/admin/menus/validate?file=" + encodeURIComponent(file()), $("editor").value, "text/yaml");
    if (r.status === 200) {
      showProblems([]);
      const li = document.createElement("li");
      li.className = "ok";
      li.textContent = t("valid") + " " + r.json.version;
      $("problems").appendChild(li);
      return true;
    }
    showProblems((r.json && r.json.problems) || [{ line: 1, message: (r.json && r.json.error) || ("HTTP " + r.status) }]);
    return false;
  }

  // What the confirm button does: publish the draft, or roll back to a version.
  let pending = null;

  function showDiff(lines) {
    const pre = $("diff");
    pre.innerHTML = "";
    lines.filter((l) => !l.startsWith("  ")).forEach((l) => {
      const s = document.createElement("div");
      s.className = l.startsWith("+") ? "add" : "del";
      s.textContent = l;
      pre.appendChild(s);
    });
    $("publish-box").hidden = false;
  }

  async function startPublish() {
    if (!(await validate())) { $("status").textContent = t("fixFirst"); return; }
    const r = await api("POST", "/admin/menus/draft-diff", { serviceCode: code(), text: $("editor").value });
    showDiff(r.json ? r.json.lines : []);
    pending = publish;
  }

  async function publish() {
    const r = await api("POST", "/admin/menus?file=" + encodeURIComponent(file()), $("editor").value, "text/yaml");
    if (r.status === 201) {
      $("status").textContent = t("published") + " " + r.json.version;
      const v = await api("GET", "/admin/menus/" + path(code()));
      renderVersions(v.json ? v.json.versions : []);
    } else {
      showProblems((r.json && r.json.problems) || []);
      $("status").textContent = (r.json && r.json.error) || ("HTTP " + r.status);
    }
  }

  async function phone() {
    const r = await api("POST", "/admin/menus/simulate", { text: $("editor").value, file: file(), lang: lang, inputs: inputs });
    if (r.status !== 200) {
      $("phone-screen").textContent = (r.json && r.json.problems) ? r.json.problems.map((p) => p.text).join("\n") : "HTTP " + r.status;
      inputs = null;
      return;
    }
    $("phone-screen").textContent = r.json.text;
    $("phone-count").textContent = r.json.characters + "/" + r.json.limit;
    $("phone-count").classList.toggle("over", r.json.characters > r.json.limit);
    if (r.json.end) inputs = null;
  }

  async function stats() {
    const r = await api("GET", "/admin/stats");
    if (r.status !== 200) return;
    const s = r.json;
    const rate = lastStats ? Math.max(0, (s.hops - lastStats.hops) / 2) : 0;
    lastStats = s;
    $("s-hops").textContent = rate.toFixed(1);
    $("s-now").textContent = s.sessions_now;
    $("s-sessions").textContent = s.sessions_started;
    $("s-busy").textContent = s.busy;
    $("s-sms").textContent = s.sms_backlog;
    $("s-smsc").textContent = s.smsc_binds_up > 0 ? t("bound") : t("down");
  }

  $("lang-id").onclick = () => { lang = "id"; translate(); };
  $("lang-en").onclick = () => { lang = "en"; translate(); };
  $("signin").onclick = signIn;
  $("token").addEventListener("keydown", (e) => { if (e.key === "Enter") signIn(); });
  $("menu").onchange = loadMenu;
  $("validate").onclick = validate;
  $("publish").onclick = startPublish;
  $("confirm-publish").onclick = async () => {
    $("publish-box").hidden = true;
    const run = pending;
    pending = null;
    if (run) await run();
  };
  $("cancel-publish").onclick = () => { $("publish-box").hidden = true; pending = null; };
  $("editor").addEventListener("input", () => gutter([]));
  document.querySelectorAll(".key").forEach((k) => { k.onclick = () => { $("phone-input").value += k.textContent; }; });
  $("dial").onclick = () => { inputs = []; $("phone-input").value = ""; phone(); };
  $("send").onclick = () => {
    if (inputs === null) return;
    inputs.push($("phone-input").value);
    $("phone-input").value = "";
    phone();
  };
  $("phone-input").addEventListener("keydown", (e) => { if (e.key === "Enter") $("send").click(); });
  $("hangup").onclick = () => { inputs = null; $("phone-screen").textContent = ""; $("phone-count").textContent = "0/182"; };
  translate();
  if (token) { $("token").value = ""; signIn(); }
})();
