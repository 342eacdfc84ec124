// Kentongan operators' console: plain JavaScript, no libraries (charts are SVG drawn here). Talks to the admin API with
// the token given at sign-in (kept in this tab's sessionStorage only). Every word on the page is in both languages.
(function () {
  "use strict";
  const T = {
    id: { console: "Konsol Operator", token: "Token admin", signin: "Masuk", hops: "hop/detik", now: "sesi aktif", sessions: "sesi dimulai",
      errors: "layar sibuk", smsq: "SMS antre", smsc: "SMSC", liveFeed: "pembaruan", live_push: "langsung", live_poll: "berkala",
      menu: "Menu", validate: "Periksa", publish: "Terbitkan…",
      changes: "Perubahan terhadap versi aktif", confirm: "Ya, lanjutkan", cancel: "Batal", versions: "Versi",
      phone: "Simulator ponsel (draf)", dial: "Panggil", send: "Kirim", hangup: "Tutup", valid: "Menu valid.",
      published: "Diterbitkan versi", rolledBack: "Dikembalikan ke versi", rollback: "Kembalikan", live: "aktif",
      badToken: "Token ditolak.", line: "Baris", bound: "terhubung", down: "putus", fixFirst: "Perbaiki kesalahan dulu.",
      tabMenus: "Menu", tabCampaigns: "Kampanye", tabCommunity: "Agen & grup", tabReport: "Laporan", tabFunnel: "Titik berhenti", tabAudit: "Jejak audit",
      role_viewer: "pemantau", role_editor: "penyunting", role_admin: "admin", signedInAs: "Masuk sebagai",
      newCampaign: "Kampanye baru", campaignName: "Nama kampanye", target: "Sasaran", byGroup: "Grup", any: "(semua)", byOccupation: "Pekerjaan",
      occ_tukang_parkir: "Tukang parkir", occ_pkl: "Pedagang kaki lima", occ_ojek: "Ojek", occ_buruh_harian: "Buruh harian", occ_penderes: "Penderes", occ_lainnya: "Lainnya",
      byDistrict: "Kecamatan (kode NIK)", byStatus: "Status", st_active: "aktif", st_lapsed: "tidak aktif", st_never_paid: "belum pernah bayar",
      byList: "Atau daftar nomor (satu per baris)", countAudience: "Hitung jangkauan", reaches: "Menjangkau {n} orang", reachesAtLeast: "Menjangkau sedikitnya {n} orang",
      message: "Pesan", fieldsHint: "Isian: {name} {kpj} {paidThrough} {amountDue} {ussd}. Setiap pekerja menerima bahasanya sendiri (Bahasa Indonesia bila belum memilih).",
      preview: "Pratinjau", sendAt: "Kirim pada (kosong: sekarang)", sendCampaign: "Kirim kampanye", campaigns: "Kampanye",
      progressHint: "Sasaran → antre → terkirim ke SMSC → diterima; gagal dan menolak (STOP) terpisah.",
      language: "Bahasa", text: "Teks", characters: "karakter", smsCount: "SMS", encoding: "pengodean", created: "Kampanye dibuat:",
      targeted: "sasaran", queued: "antre", submitted: "terkirim", delivered: "diterima", failed: "gagal", optedOut: "menolak",
      state_scheduled: "terjadwal", state_running: "berjalan", state_paused: "dijeda", state_cancelled: "dibatalkan", state_completed: "selesai",
      pause: "Jeda", resume: "Lanjutkan", cancelCampaign: "Batalkan", noCampaigns: "Belum ada kampanye.",
      agents: "Agen Perisai", phPhone: "No. HP 08…", phName: "Nama", phArea: "Wilayah", phGroups: "Grup (pisahkan dengan koma)", createAgent: "Buat agen",
      agentCreated: "Agen dibuat.", name: "Nama", number: "Nomor", area: "Wilayah", groupsCol: "Grup", cash: "Uang untuk disetor", locked: "Terkunci", yes: "ya", no: "tidak",
      resetPin: "Atur ulang PIN", unlock: "Buka kunci", pinReset: "PIN diatur ulang: agen membuat PIN baru saat menekan *568#.", unlocked: "Kunci dibuka.",
      details: "Rincian", collected: "Setoran tunai", reference: "Referensi", kpj: "Nomor kartu", months: "Bulan", amount: "Jumlah", noAgents: "Belum ada agen.",
      groups: "Grup", phGroupName: "Nama grup", phCoordinator: "HP koordinator (boleh kosong)", createGroup: "Buat grup", groupCreated: "Grup dibuat.",
      code: "Kode", coordinator: "Koordinator", members: "Anggota", noGroups: "Belum ada grup.", addMembers: "Tambah anggota (satu nomor per baris)",
      add: "Tambahkan", added: "Anggota sekarang:", status: "Status", paidThrough: "Sudah bayar sampai",
      ms_active: "aktif", ms_pending: "belum aktif", ms_lapsed: "tidak aktif", ms_ended: "berhenti", ms_not_registered: "belum terdaftar",
      district: "Kecamatan", fromMonth: "Dari bulan", toMonth: "Sampai bulan", show: "Tampilkan", downloadCsv: "Unduh CSV",
      totalLine: "{reg} peserta lewat Kentongan, {active} aktif ({rate}%), {payments} pembayaran.",
      chartMonth: "Pendaftaran dan persen aktif per bulan", chartChannel: "Menurut jalur masuk: sendiri, lewat agen, lewat ajakan teman",
      chartAgent: "Menurut agen", chartGroup: "Menurut grup", chartOccupation: "Menurut pekerjaan", chartDistrict: "Menurut kecamatan",
      registrations: "pendaftaran", activeRate: "% aktif", ch_self: "sendiri", ch_agent: "lewat agen", ch_invited: "ajakan teman", ch_elsewhere: "daftar di tempat lain",
      none: "(tidak ada)", noData: "Belum ada data.",
      fromDay: "Dari", toDay: "Sampai", funnelHint: "Dari setiap layar: berapa yang lanjut, kembali, diminta ulang, melihat layar sibuk, selesai, putus, habis waktu, atau tidak diketahui.",
      screen: "Layar", reached: "sampai", on: "lanjut", back: "kembali", retried: "diulang", busy: "sibuk", finished: "selesai", dropped: "putus", timedOut: "habis waktu", left: "tak diketahui",
      versionLang: "Versi {v} · bahasa {l}", liveVersion: "(aktif)", onRate: "% lanjut", versus: "beda dengan {v}",
      tabAuditTitle: "Jejak audit", phWho: "siapa", phWhat: "apa", at: "Waktu", who: "Siapa", what: "Apa", result: "Hasil", noEntries: "Tidak ada catatan.",
      httpError: "Gagal", problemsIn: "kesalahan",
      tabSms: "SMS", findMessages: "Cari pesan", deadLetters: "Pesan gagal", deadHint: "Pesan yang ditolak SMSC untuk seterusnya, dengan alasannya. Admin dapat mengirimnya lagi.",
      kind: "Jenis", key: "Kunci", reason: "Alasan", to: "Ke", sendAgain: "Kirim lagi", sentAgain: "Dikirim lagi sebagai", noMessages: "Tidak ada pesan untuk nomor ini.",
      deadCount: "{n} pesan gagal", msgsFor: "Pesan ke {m}",
      k_registration: "kartu peserta", k_payment_code: "kode bayar", k_receipt: "bukti bayar", k_cash_receipt: "bukti bayar tunai", k_consent: "persetujuan",
      k_thanks: "terima kasih", k_invitation: "ajakan", k_group_news: "kabar grup", k_reminder: "pengingat", k_group_reminder: "pengingat grup",
      k_campaign: "kampanye", k_answer: "jawaban SMS",
      s_QUEUED: "antre", s_SENT: "terkirim ke SMSC", s_DELIVRD: "diterima", s_UNDELIV: "tidak sampai", s_EXPIRED: "kedaluwarsa", s_REJECTD: "ditolak",
      s_DELETED: "dihapus", s_OPTED_OUT: "menolak (STOP)", s_DEAD: "gagal" },
    en: { console: "Operator Console", token: "Admin token", signin: "Sign in", hops: "hops/s", now: "sessions now", sessions: "sessions started",
      errors: "busy screens", smsq: "SMS queued", smsc: "SMSC", liveFeed: "updates", live_push: "live", live_poll: "polling",
      menu: "Menu", validate: "Validate", publish: "Publish…",
      changes: "Changes against the live version", confirm: "Yes, go ahead", cancel: "Cancel", versions: "Versions",
      phone: "Phone simulator (draft)", dial: "Dial", send: "Send", hangup: "Hang up", valid: "The menu is valid.",
      published: "Published version", rolledBack: "Rolled back to version", rollback: "Roll back", live: "live",
      badToken: "Token refused.", line: "Line", bound: "bound", down: "down", fixFirst: "Fix the problems first.",
      tabMenus: "Menus", tabCampaigns: "Campaigns", tabCommunity: "Agents & groups", tabReport: "Report", tabFunnel: "Where they stop", tabAudit: "Audit log",
      role_viewer: "viewer", role_editor: "editor", role_admin: "admin", signedInAs: "Signed in as",
      newCampaign: "New campaign", campaignName: "Campaign name", target: "Target", byGroup: "Group", any: "(any)", byOccupation: "Occupation",
      occ_tukang_parkir: "Parking attendant", occ_pkl: "Street vendor", occ_ojek: "Ojek driver", occ_buruh_harian: "Daily labourer", occ_penderes: "Rubber tapper", occ_lainnya: "Other",
      byDistrict: "District (NIK code)", byStatus: "Status", st_active: "active", st_lapsed: "lapsed", st_never_paid: "never paid",
      byList: "Or a list of numbers (one per line)", countAudience: "Count the audience", reaches: "Reaches {n} people", reachesAtLeast: "Reaches at least {n} people",
      message: "Message", fieldsHint: "Fields: {name} {kpj} {paidThrough} {amountDue} {ussd}. Each worker gets their own language (Indonesian if they chose none).",
      preview: "Preview", sendAt: "Send at (empty: now)", sendCampaign: "Send the campaign", campaigns: "Campaigns",
      progressHint: "Targeted → queued → submitted to the SMSC → delivered; failed and opted out (STOP) apart.",
      language: "Language", text: "Text", characters: "characters", smsCount: "SMS", encoding: "encoding", created: "Campaign created:",
      targeted: "targeted", queued: "queued", submitted: "submitted", delivered: "delivered", failed: "failed", optedOut: "opted out",
      state_scheduled: "scheduled", state_running: "running", state_paused: "paused", state_cancelled: "cancelled", state_completed: "completed",
      pause: "Pause", resume: "Resume", cancelCampaign: "Cancel", noCampaigns: "No campaign yet.",
      agents: "Perisai agents", phPhone: "Phone 08…", phName: "Name", phArea: "Area", phGroups: "Groups (comma separated)", createAgent: "Create agent",
      agentCreated: "Agent created.", name: "Name", number: "Number", area: "Area", groupsCol: "Groups", cash: "Cash to deposit", locked: "Locked", yes: "yes", no: "no",
      resetPin: "Reset PIN", unlock: "Unlock", pinReset: "PIN reset: the agent chooses a new one on dialling *568#.", unlocked: "Unlocked.",
      details: "Details", collected: "Cash collected", reference: "Reference", kpj: "Card no.", months: "Months", amount: "Amount", noAgents: "No agent yet.",
      groups: "Groups", phGroupName: "Group name", phCoordinator: "Coordinator's phone (optional)", createGroup: "Create group", groupCreated: "Group created.",
      code: "Code", coordinator: "Coordinator", members: "Members", noGroups: "No group yet.", addMembers: "Add members (one number per line)",
      add: "Add", added: "Members now:", status: "Status", paidThrough: "Paid until",
      ms_active: "active", ms_pending: "not yet active", ms_lapsed: "lapsed", ms_ended: "ended", ms_not_registered: "not registered",
      district: "District", fromMonth: "From month", toMonth: "To month", show: "Show", downloadCsv: "Download CSV",
      totalLine: "{reg} members through Kentongan, {active} active ({rate}%), {payments} payments.",
      chartMonth: "Registrations and active rate by month", chartChannel: "By channel: by themselves, through an agent, through a friend's invitation",
      chartAgent: "By agent", chartGroup: "By group", chartOccupation: "By occupation", chartDistrict: "By district",
      registrations: "registrations", activeRate: "% active", ch_self: "by themselves", ch_agent: "through an agent", ch_invited: "friend's invitation", ch_elsewhere: "registered elsewhere",
      none: "(none)", noData: "No data yet.",
      fromDay: "From", toDay: "To", funnelHint: "From each screen: how many went on, went back, were asked again, saw the busy screen, finished, dropped, timed out, or are not known.",
      screen: "Screen", reached: "reached", on: "went on", back: "back", retried: "asked again", busy: "busy", finished: "finished", dropped: "dropped", timedOut: "timed out", left: "unknown",
      versionLang: "Version {v} · language {l}", liveVersion: "(live)", onRate: "% went on", versus: "change from {v}",
      tabAuditTitle: "Audit log", phWho: "who", phWhat: "what", at: "When", who: "Who", what: "What", result: "Result", noEntries: "No entries.",
      httpError: "Failed", problemsIn: "problems",
      tabSms: "SMS", findMessages: "Find messages", deadLetters: "Dead letters", deadHint: "Messages the SMSC refused for good, with the reason. An admin can send one again.",
      kind: "Kind", key: "Key", reason: "Reason", to: "To", sendAgain: "Send again", sentAgain: "Sent again as", noMessages: "No message for this number.",
      deadCount: "{n} dead letters", msgsFor: "Messages to {m}",
      k_registration: "membership card", k_payment_code: "payment code", k_receipt: "receipt", k_cash_receipt: "cash receipt", k_consent: "consent",
      k_thanks: "thanks", k_invitation: "invitation", k_group_news: "group news", k_reminder: "reminder", k_group_reminder: "group reminder",
      k_campaign: "campaign", k_answer: "SMS answer",
      s_QUEUED: "queued", s_SENT: "submitted to the SMSC", s_DELIVRD: "delivered", s_UNDELIV: "undeliverable", s_EXPIRED: "expired", s_REJECTD: "rejected",
      s_DELETED: "deleted", s_OPTED_OUT: "opted out (STOP)", s_DEAD: "failed" }
  };
  window.kentonganConsoleWords = T; // for the test that walks every page in each language
  let lang = "id";
  let role = "viewer";
  const RANK = { viewer: 0, editor: 1, admin: 2 };
  const $ = (id) => document.getElementById(id);
  const t = (k, vars) => {
    let s = T[lang][k] || k;
    if (vars) Object.keys(vars).forEach((v) => { s = s.split("{" + v + "}").join(vars[v]); });
    return s;
  };
  let token = sessionStorage.getItem("kentongan-token") || "";
  let menus = [];
  let inputs = null; // null: not in a call
  let lastStats = null;
  let currentTab = "menus";
  let lastProblems = [];
  const rerender = {}; // tab -> function drawing its data again in the current language

  function translate() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach((e) => { e.textContent = t(e.dataset.i18n); });
    document.querySelectorAll("[data-i18n-placeholder]").forEach((e) => { e.placeholder = t(e.dataset.i18nPlaceholder); });
    $("lang-id").classList.toggle("on", lang === "id");
    $("lang-en").classList.toggle("on", lang === "en");
    if (role) $("who").textContent = t("signedInAs") + " " + t("role_" + role);
    Object.values(rerender).forEach((f) => f());
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === "onclick") e.onclick = v; else if (k === "text") e.textContent = v; else e.setAttribute(k, v);
    });
    children.forEach((c) => e.appendChild(typeof c === "string" ? document.createTextNode(c) : c));
    return e;
  }

  function table(target, headers, rows) {
    const tb = $(target);
    tb.innerHTML = "";
    tb.appendChild(el("tr", {}, ...headers.map((h) => el("th", { text: h }))));
    rows.forEach((r) => tb.appendChild(el("tr", {}, ...r.map((c) => el("td", {}, c instanceof Node ? c : String(c))))));
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

  function failure(r) {
    return t("httpError") + " (" + r.status + ")" + (r.json && r.json.error ? ": " + r.json.error : "");
  }

  // ---- sign-in, roles, tabs ----

  async function signIn() {
    token = $("token").value.trim() || token;
    const r = await api("GET", "/admin/whoami");
    if (r.status !== 200) {
      $("signin-error").textContent = t("badToken");
      $("signin-error").hidden = false;
      return;
    }
    role = r.json.role;
    document.querySelectorAll("[data-role]").forEach((e) => { e.hidden = RANK[role] < RANK[e.dataset.role]; });
    sessionStorage.setItem("kentongan-token", token);
    $("signin-box").hidden = true;
    $("app").hidden = false;
    const m = await api("GET", "/admin/menus");
    menus = m.json ? m.json.menus : [];
    $("menu").innerHTML = "";
    $("f-menu").innerHTML = "";
    menus.forEach((x) => {
      const o = el("option", { value: x.serviceCode, text: x.serviceCode + " " + x.name });
      o.dataset.file = x.file;
      $("menu").appendChild(o);
      $("f-menu").appendChild(el("option", { value: x.serviceCode, text: x.serviceCode + " " + x.name }));
    });
    const today = new Date().toISOString().substring(0, 10);
    $("f-from").value = today;
    $("f-to").value = today;
    translate();
    await loadMenu();
    liveStats();
  }

  function showTab(name) {
    currentTab = name;
    document.querySelectorAll("#tabs button").forEach((b) => b.classList.toggle("on", b.dataset.tab === name));
    document.querySelectorAll(".tab").forEach((s) => { s.hidden = s.id !== "tab-" + name; });
    if (name === "campaigns") { loadCampaigns(); loadGroupChoices(); }
    if (name === "community") { loadAgents(); loadGroups(); }
    if (name === "report") loadReport();
    if (name === "funnel") loadFunnel();
    if (name === "audit") loadAudit();
    if (name === "sms") loadDead();
  }

  // ---- live counters: a server-sent event stream read with fetch (it carries the token), polling if it fails ----

  function showStats(s) {
    const rate = lastStats ? Math.max(0, s.hops - lastStats.hops) : 0;
    lastStats = s;
    $("s-hops").textContent = rate.toFixed(1);
    $("s-now").textContent = s.sessions_now;
    $("s-sessions").textContent = s.sessions_started;
    $("s-busy").textContent = s.busy;
    $("s-sms").textContent = s.sms_backlog;
    smscUp = s.smsc_binds_up > 0;
    $("s-smsc").textContent = smscUp ? t("bound") : t("down");
  }
  let smscUp = null;
  rerender.stats = () => { if (smscUp !== null) $("s-smsc").textContent = smscUp ? t("bound") : t("down"); };

  async function liveStats() {
    try {
      const r = await fetch("/admin/stats/stream", { headers: { Authorization: "Bearer " + token } });
      if (r.status !== 200 || !r.body) throw new Error("no stream");
      $("s-live").dataset.i18n = "live_push";
      $("s-live").textContent = t("live_push");
      const reader = r.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const event = buffer.substring(0, cut);
          buffer = buffer.substring(cut + 2);
          const data = event.split("\n").filter((l) => l.startsWith("data: ")).map((l) => l.substring(6)).join("");
          if (data) showStats(JSON.parse(data));
        }
      }
      setTimeout(liveStats, 500); // the server ends a stream after ten minutes: open the next
    } catch (e) {
      $("s-live").dataset.i18n = "live_poll";
      $("s-live").textContent = t("live_poll");
      const r = await api("GET", "/admin/stats");
      if (r.status === 200) showStats(r.json);
      setTimeout(liveStats, 2000);
    }
  }

  // ---- menus (editor, validator, phone simulator, publish, roll back) ----

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
      const li = el("li", {});
      const label = el("span", { text: v.version + " · " + v.at.replace("T", " ").substring(0, 19) + " · " + v.source + " " });
      li.appendChild(label);
      if (v.live) li.appendChild(el("span", { "data-i18n": "live", text: t("live") }));
      if (!v.live && RANK[role] >= RANK.editor) {
        const b = el("button", { class: "rollback", "data-i18n": "rollback", text: t("rollback") });
        b.onclick = async () => {
          // The diff first (live -> that version), then the operator confirms.
          const live = versions.find((x) => x.live);
          const d = await api("GET", "/admin/menus/" + path(code()) + "/diff?from=" + (live ? live.version : v.version) + "&to=" + v.version);
          showDiff(d.json ? d.json.lines : []);
          pending = async () => {
            const r = await api("POST", "/admin/menus/" + path(code()) + "/rollback", { version: v.version });
            $("status").textContent = r.status === 200 ? t("rolledBack") + " " + v.version : failure(r);
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
    lastProblems = problems;
    const ul = $("problems");
    ul.innerHTML = "";
    problems.forEach((p) => {
      const li = el("li", { class: "problem" });
      li.dataset.line = p.line;
      // The validator says each problem in both languages (messages.id / messages.en).
      const message = (p.messages && p.messages[lang]) || p.message;
      li.textContent = t("line") + " " + p.line + (p.screen ? " · " + p.screen : "") + ": " + message;
      li.onclick = () => goToLine(p.line);
      ul.appendChild(li);
    });
    gutter(problems.map((p) => p.line));
  }
  rerender.problems = () => { if (lastProblems.length) showProblems(lastProblems); };

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
      const li = el("li", { class: "ok" }, el("span", { "data-i18n": "valid", text: t("valid") }), " " + r.json.version);
      $("problems").appendChild(li);
      return true;
    }
    showProblems((r.json && r.json.problems) || [{ line: 1, message: failure(r) }]);
    return false;
  }

  // What the confirm button does: publish the draft, or roll back to a version.
  let pending = null;

  function showDiff(lines) {
    const pre = $("diff");
    pre.innerHTML = "";
    lines.filter((l) => !l.startsWith("  ")).forEach((l) => pre.appendChild(el("div", { class: l.startsWith("+") ? "add" : "del", text: l })));
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
      $("status").textContent = failure(r);
    }
  }

  async function phone() {
    const r = await api("POST", "/admin/menus/simulate", { text: $("editor").value, file: file(), lang: lang, inputs: inputs });
    if (r.status !== 200) {
      $("phone-screen").textContent = (r.json && r.json.problems) ? r.json.problems.map((p) => (p.messages && p.messages[lang]) || p.message).join("\n") : failure(r);
      inputs = null;
      return;
    }
    $("phone-screen").textContent = r.json.text;
    $("phone-count").textContent = r.json.characters + "/" + r.json.limit;
    $("phone-count").classList.toggle("over", r.json.characters > r.json.limit);
    if (r.json.end) inputs = null;
  }

  // ---- campaigns ----

  function targetFromForm() {
    const list = $("c-list").value.split(/[\s,;]+/).map((x) => x.trim()).filter((x) => x);
    if (list.length) return { msisdns: list };
    const target = {};
    if ($("c-group").value) target.group = $("c-group").value;
    if ($("c-occupation").value) target.occupation = $("c-occupation").value;
    if ($("c-district").value.trim()) target.district = $("c-district").value.trim();
    if ($("c-status").value) target.status = $("c-status").value;
    return target;
  }

  function textsFromForm() {
    const texts = { id: $("c-text-id").value };
    if ($("c-text-en").value.trim()) texts.en = $("c-text-en").value;
    if ($("c-text-jv").value.trim()) texts.jv = $("c-text-jv").value;
    return texts;
  }

  let audience = null;
  function showAudience() {
    if (!audience) { $("c-audience-count").textContent = ""; return; }
    $("c-audience-count").textContent = t(audience.complete ? "reaches" : "reachesAtLeast", { n: audience.count });
    $("c-audience-count").dataset.count = audience.count;
  }
  rerender.audience = showAudience;

  async function countAudience() {
    const r = await api("POST", "/admin/campaigns/audience", { target: targetFromForm() });
    if (r.status === 200) { audience = r.json; showAudience(); } else { audience = null; $("c-audience-count").textContent = failure(r); }
  }

  let previews = null;
  function showPreviews() {
    if (!previews) return;
    const names = { id: "Bahasa Indonesia", en: "English", jv: "Basa Banyumasan" };
    table("c-previews", [t("language"), t("text"), t("characters"), t("smsCount"), t("encoding")],
      ["id", "en", "jv"].filter((l) => previews[l]).map((l) => [names[l], previews[l].text, previews[l].characters, previews[l].segments, previews[l].encoding]));
  }
  rerender.previews = showPreviews;

  async function preview() {
    const r = await api("POST", "/admin/campaigns/preview", { texts: textsFromForm() });
    if (r.status === 200) { previews = r.json; showPreviews(); } else { previews = null; $("c-previews").innerHTML = ""; $("c-status").textContent = failure(r); }
  }

  async function sendCampaign() {
    const body = { name: $("c-name").value, texts: textsFromForm(), target: targetFromForm() };
    if ($("c-at").value) body.sendAt = new Date($("c-at").value).toISOString();
    const r = await api("POST", "/admin/campaigns", body);
    $("c-status").textContent = r.status === 201 ? t("created") + " " + r.json.id : failure(r);
    loadCampaigns();
  }

  let campaignData = [];
  let campaignTimer = null;
  async function loadCampaigns() {
    const r = await api("GET", "/admin/campaigns");
    const list = r.json ? r.json.campaigns.slice(0, 10) : [];
    const detailed = await Promise.all(list.map((c) => api("GET", "/admin/campaigns/" + c.id).then((d) => d.json || c)));
    campaignData = detailed;
    drawCampaigns();
    clearTimeout(campaignTimer);
    if (currentTab === "campaigns") campaignTimer = setTimeout(loadCampaigns, 1500);
  }

  function drawCampaigns() {
    const box = $("c-list-box");
    box.innerHTML = "";
    if (!campaignData.length) { box.appendChild(el("p", { text: t("noCampaigns") })); return; }
    campaignData.forEach((c) => {
      const p = c.progress || {};
      const of = Math.max(1, p.targeted || 0);
      const card = el("div", { class: "campaign", "data-id": c.id, "data-state": c.state });
      card.appendChild(el("h3", { text: c.name + " · " + t("state_" + c.state) }));
      ["targeted", "queued", "submitted", "delivered", "failed", "optedOut"].forEach((k) => {
        const n = p[k] || 0;
        const row = el("div", { class: "progress " + k, "data-kind": k, "data-value": n });
        row.appendChild(el("span", { class: "label", text: t(k) }));
        const bar = el("span", { class: "track" });
        bar.appendChild(el("span", { class: "fill", style: "width:" + Math.round(100 * n / of) + "%" }));
        row.appendChild(bar);
        row.appendChild(el("span", { class: "n", text: String(n) }));
        card.appendChild(row);
      });
      if (RANK[role] >= RANK.editor) {
        const actions = el("div", { class: "actions" });
        const act = (name, label) => actions.appendChild(el("button", { class: name, text: t(label), onclick: async () => {
          await api("POST", "/admin/campaigns/" + c.id + "/" + name);
          loadCampaigns();
        } }));
        if (c.state === "running" || c.state === "scheduled") act("pause", "pause");
        if (c.state === "paused") act("resume", "resume");
        if (c.state !== "cancelled" && c.state !== "completed") act("cancel", "cancelCampaign");
        card.appendChild(actions);
      }
      box.appendChild(card);
    });
  }
  rerender.campaigns = () => { if (currentTab === "campaigns") drawCampaigns(); };

  async function loadGroupChoices() {
    const r = await api("GET", "/admin/groups");
    const sel = $("c-group");
    const was = sel.value;
    sel.querySelectorAll("option:not([data-i18n])").forEach((o) => o.remove());
    (r.json ? r.json.groups : []).forEach((g) => sel.appendChild(el("option", { value: g.name, text: g.name })));
    sel.value = was;
  }

  // ---- agents and groups ----

  let agentData = [];
  async function loadAgents() {
    const r = await api("GET", "/admin/agents");
    agentData = r.json ? r.json.agents : [];
    drawAgents();
  }

  function drawAgents() {
    if (!agentData.length) { table("agents", [t("noAgents")], []); return; }
    table("agents", [t("name"), t("number"), t("area"), t("groupsCol"), t("cash"), t("locked"), ""], agentData.map((a) => {
      const actions = el("span", {});
      if (RANK[role] >= RANK.admin) {
        actions.appendChild(el("button", { class: "details", text: t("details"), onclick: () => agentDetail(a.msisdn) }));
        actions.appendChild(el("button", { class: "reset-pin", text: t("resetPin"), onclick: async () => {
          const r = await api("POST", "/admin/agents/" + a.msisdn + "/reset-pin");
          $("a-status").textContent = r.status === 200 ? t("pinReset") : failure(r);
          loadAgents();
        } }));
        if (a.locked) actions.appendChild(el("button", { class: "unlock", text: t("unlock"), onclick: async () => {
          const r = await api("POST", "/admin/agents/" + a.msisdn + "/unlock");
          $("a-status").textContent = r.status === 200 ? t("unlocked") : failure(r);
          loadAgents();
        } }));
      }
      return [a.name, a.msisdn, a.area || "", (a.groups || []).join(", "), rupiah(a.cashToDeposit), a.locked ? t("yes") : t("no"), actions];
    }));
    $("agents").querySelectorAll("tr").forEach((tr, i) => { if (i > 0) tr.dataset.msisdn = agentData[i - 1].msisdn; });
  }
  rerender.agents = () => { if (currentTab === "community") { drawAgents(); drawGroups(); } };

  async function agentDetail(msisdn) {
    const r = await api("GET", "/admin/agents/" + msisdn);
    const box = $("agent-detail");
    box.innerHTML = "";
    if (r.status !== 200) { box.textContent = failure(r); return; }
    box.appendChild(el("h3", { text: r.json.name + " · " + t("cash") + ": " + rupiah(r.json.cashToDeposit) }));
    const tb = el("table", { id: "collections" });
    box.appendChild(tb);
    table("collections", [t("reference"), t("kpj"), t("months"), t("amount")], r.json.collected.map((c) => [c.reference, c.kpj, c.months, rupiah(c.amount)]));
  }

  async function createAgent() {
    const groups = $("a-groups").value.split(",").map((g) => g.trim()).filter((g) => g);
    const r = await api("POST", "/admin/agents", { msisdn: $("a-msisdn").value, name: $("a-name").value, area: $("a-area").value, groups });
    $("a-status").textContent = r.status === 201 ? t("agentCreated") : failure(r);
    loadAgents();
  }

  let groupData = [];
  async function loadGroups() {
    const r = await api("GET", "/admin/groups");
    groupData = r.json ? r.json.groups : [];
    drawGroups();
  }

  function drawGroups() {
    if (!groupData.length) { table("groups", [t("noGroups")], []); return; }
    table("groups", [t("name"), t("code"), t("coordinator"), t("members"), ""], groupData.map((g) =>
      [g.name, g.code, g.coordinator || "", g.members, el("button", { class: "details", text: t("details"), onclick: () => groupDetail(g.code) })]));
  }

  async function groupDetail(codeOf) {
    const r = await api("GET", "/admin/groups/" + encodeURIComponent(codeOf));
    const box = $("group-detail");
    box.innerHTML = "";
    if (r.status !== 200) { box.textContent = failure(r); return; }
    box.appendChild(el("h3", { text: r.json.name }));
    box.appendChild(el("table", { id: "group-members" }));
    table("group-members", [t("number"), t("name"), t("status"), t("paidThrough")],
      r.json.members.map((m) => [m.msisdn, m.name || "", t("ms_" + m.status), m.paidThrough || ""]));
    if (RANK[role] >= RANK.editor) {
      const area = el("textarea", { id: "g-add", rows: "3" });
      box.appendChild(el("label", { class: "wide" }, el("span", { text: t("addMembers") }), area));
      box.appendChild(el("button", { id: "g-add-send", text: t("add"), onclick: async () => {
        const msisdns = area.value.split(/[\s,;]+/).map((x) => x.trim()).filter((x) => x);
        const a = await api("PUT", "/admin/groups/" + encodeURIComponent(codeOf) + "/members", { msisdns });
        $("g-status").textContent = a.status === 200 ? t("added") + " " + a.json.members : failure(a);
        groupDetail(codeOf);
        loadGroups();
      } }));
    }
  }

  async function createGroup() {
    const body = { name: $("g-name").value };
    if ($("g-coordinator").value.trim()) body.coordinator = $("g-coordinator").value.trim();
    const r = await api("POST", "/admin/groups", body);
    $("g-status").textContent = r.status === 201 ? t("groupCreated") : failure(r);
    loadGroups();
  }

  // ---- the participation report, as charts ----

  function rupiah(n) { return "Rp" + Number(n || 0).toLocaleString("id-ID"); }

  function reportQuery() {
    const q = [];
    if ($("r-district").value.trim()) q.push("district=" + encodeURIComponent($("r-district").value.trim()));
    if ($("r-from").value) q.push("from=" + $("r-from").value);
    if ($("r-to").value) q.push("to=" + $("r-to").value);
    return q.length ? "?" + q.join("&") : "";
  }

  let report = null;
  async function loadReport() {
    const r = await api("GET", "/admin/reports/participation" + reportQuery());
    if (r.status !== 200) { $("r-total").textContent = failure(r); report = null; $("charts").innerHTML = ""; return; }
    report = r.json;
    drawReport();
  }

  async function downloadCsv() {
    const q = reportQuery();
    const r = await fetch("/admin/reports/participation" + (q ? q + "&" : "?") + "format=csv", { headers: { Authorization: "Bearer " + token } });
    const blob = await r.blob();
    const a = el("a", { href: URL.createObjectURL(blob), download: "participation.csv" });
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  const SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function keyLabel(dimension, key) {
    if (dimension === "channel") return t("ch_" + key);
    if (dimension === "occupation") return t("occ_" + key);
    if (key === "-") return t("none");
    return key;
  }

  /** Horizontal bars: registrations (bar length) and the active rate (written, and a mark on the bar). */
  function barChart(dimension, rows, titleKey) {
    const box = el("figure", { class: "chart", "data-dimension": dimension });
    box.appendChild(el("figcaption", { text: t(titleKey) }));
    if (!rows.length) { box.appendChild(el("p", { text: t("noData") })); return box; }
    const max = Math.max(...rows.map((r) => r.registrations), 1);
    const h = 26 * rows.length + 24;
    const s = svg("svg", { width: "760", height: String(h), viewBox: "0 0 760 " + h, role: "img" });
    rows.forEach((r, i) => {
      const y = 8 + i * 26;
      const w = Math.round(300 * r.registrations / max);
      const g = svg("g", { class: "bar", "data-key": r.key, "data-registrations": r.registrations, "data-active-rate": r.activeRate });
      g.appendChild(svg("text", { x: "0", y: String(y + 14), class: "key" }, keyLabel(dimension, r.key)));
      g.appendChild(svg("rect", { x: "190", y: String(y), width: String(Math.max(1, w)), height: "18", class: "reg" }));
      g.appendChild(svg("rect", { x: "190", y: String(y + 14), width: String(Math.round(w * r.activeRate / 100)), height: "4", class: "active" }));
      g.appendChild(svg("text", { x: String(196 + w), y: String(y + 14), class: "value" },
        r.registrations + " " + t("registrations") + " · " + r.activeRate + t("activeRate")));
      s.appendChild(g);
    });
    box.appendChild(s);
    return box;
  }

  /** Registrations by month (line, left scale) and the active rate (line, 0-100 %). */
  function monthChart(rows) {
    const box = el("figure", { class: "chart", "data-dimension": "month" });
    box.appendChild(el("figcaption", { text: t("chartMonth") }));
    if (!rows.length) { box.appendChild(el("p", { text: t("noData") })); return box; }
    const W = 760, H = 240, L = 50, R = 50, TOP = 36, B = 30;
    const max = Math.max(...rows.map((r) => r.registrations), 1);
    const x = (i) => L + (rows.length === 1 ? (W - L - R) / 2 : i * (W - L - R) / (rows.length - 1));
    const yReg = (v) => TOP + (H - TOP - B) * (1 - v / max);
    const yRate = (v) => TOP + (H - TOP - B) * (1 - v / 100);
    const s = svg("svg", { width: String(W), height: String(H), viewBox: "0 0 " + W + " " + H, role: "img" });
    s.appendChild(svg("line", { x1: String(L), y1: String(H - B), x2: String(W - R), y2: String(H - B), class: "axis" }));
    s.appendChild(svg("rect", { x: "2", y: "6", width: "12", height: "12", class: "reg" }));
    s.appendChild(svg("text", { x: "18", y: "16", class: "legend reg" }, t("registrations")));
    s.appendChild(svg("rect", { x: "160", y: "6", width: "12", height: "12", class: "active" }));
    s.appendChild(svg("text", { x: "176", y: "16", class: "legend active" }, t("activeRate") + " (0-100)"));
    s.appendChild(svg("polyline", { points: rows.map((r, i) => x(i) + "," + yReg(r.registrations)).join(" "), class: "line reg" }));
    s.appendChild(svg("polyline", { points: rows.map((r, i) => x(i) + "," + yRate(r.activeRate)).join(" "), class: "line active" }));
    rows.forEach((r, i) => {
      const g = svg("g", { class: "point", "data-key": r.key, "data-registrations": r.registrations, "data-active-rate": r.activeRate });
      g.appendChild(svg("circle", { cx: String(x(i)), cy: String(yReg(r.registrations)), r: "4", class: "reg" }));
      g.appendChild(svg("circle", { cx: String(x(i)), cy: String(yRate(r.activeRate)), r: "4", class: "active" }));
      g.appendChild(svg("text", { x: String(x(i) - 20), y: String(H - 10), class: "key" }, r.key));
      g.appendChild(svg("text", { x: String(x(i) + 6), y: String(yReg(r.registrations) - 6), class: "value" }, String(r.registrations)));
      g.appendChild(svg("text", { x: String(x(i) + 6), y: String(yRate(r.activeRate) + (r.activeRate < 20 ? -8 : 14)), class: "value active" }, r.activeRate + "%"));
      s.appendChild(g);
    });
    box.appendChild(s);
    return box;
  }

  function drawReport() {
    if (!report) return;
    const total = report.total;
    $("r-total").textContent = t("totalLine", { reg: total.registrations, active: total.active, rate: total.activeRate, payments: total.payments });
    $("r-total").dataset.registrations = total.registrations;
    const charts = $("charts");
    charts.innerHTML = "";
    charts.appendChild(monthChart(report.byMonth.filter((r) => r.registrations > 0)));
    charts.appendChild(barChart("channel", report.byChannel, "chartChannel"));
    charts.appendChild(barChart("agent", report.byAgent, "chartAgent"));
    charts.appendChild(barChart("group", report.byGroup, "chartGroup"));
    charts.appendChild(barChart("occupation", report.byOccupation, "chartOccupation"));
    charts.appendChild(barChart("district", report.byDistrict, "chartDistrict"));
  }
  rerender.report = drawReport;

  // ---- where workers give up ----

  let funnelData = null;
  async function loadFunnel() {
    const c = $("f-menu").value || (menus[0] && menus[0].serviceCode);
    if (!c) return;
    const r = await api("GET", "/admin/menus/" + path(c) + "/funnel?from=" + $("f-from").value + "&to=" + $("f-to").value);
    funnelData = r.status === 200 ? r.json : null;
    drawFunnel();
    if (!funnelData) $("funnels").textContent = failure(r);
  }

  const FUNNEL = ["reached", "on", "back", "retried", "busy", "finished", "dropped", "timedOut", "left"];
  function drawFunnel() {
    const box = $("funnels");
    box.innerHTML = "";
    if (!funnelData) return;
    if (!funnelData.funnels.length) { box.appendChild(el("p", { text: t("noData") })); return; }
    // Per language, the live version first; an older version of the same language is compared screen by screen.
    const byLang = {};
    funnelData.funnels.forEach((f) => { (byLang[f.language] = byLang[f.language] || []).push(f); });
    Object.keys(byLang).sort().forEach((l) => {
      const fs = byLang[l].sort((a, b) => (b.version === funnelData.liveVersion) - (a.version === funnelData.liveVersion));
      fs.forEach((f, idx) => {
        const older = idx === 0 && fs.length > 1 ? fs[1] : null;
        const fig = el("figure", { class: "funnel", "data-version": f.version, "data-language": f.language });
        fig.appendChild(el("figcaption", { text: t("versionLang", { v: f.version, l: f.language }) + (f.version === funnelData.liveVersion ? " " + t("liveVersion") : "") }));
        const tb = el("table", {});
        const head = [t("screen"), ...FUNNEL.map((k) => t(k)), t("onRate")];
        if (older) head.push(t("versus", { v: older.version }));
        tb.appendChild(el("tr", {}, ...head.map((h) => el("th", { text: h }))));
        const rate = (s) => s && s.reached ? Math.round(100 * s.on / s.reached) : null;
        f.screens.forEach((s) => {
          const tr = el("tr", { "data-screen": s.screen });
          tr.appendChild(el("td", { text: s.screen }));
          FUNNEL.forEach((k) => tr.appendChild(el("td", { "data-kind": k, text: String(s[k]) })));
          const mine = rate(s);
          tr.appendChild(el("td", { text: mine === null ? "" : mine + "%" }));
          if (older) {
            const theirs = rate(older.screens.find((o) => o.screen === s.screen));
            tr.appendChild(el("td", { text: mine === null || theirs === null ? "" : (mine - theirs > 0 ? "+" : "") + (mine - theirs) }));
          }
          tb.appendChild(tr);
        });
        fig.appendChild(tb);
        box.appendChild(fig);
      });
    });
  }
  rerender.funnel = drawFunnel;

  // ---- SMS: a phone's messages, the dead letters ----

  function stateWord(state) {
    if (state.startsWith("DEAD")) return t("s_DEAD") + ": " + state.substring(state.indexOf(":") + 1).trim();
    return T[lang]["s_" + state] ? t("s_" + state) : state;
  }

  let messageData = null;
  async function loadMessages() {
    const r = await api("GET", "/admin/sms?msisdn=" + encodeURIComponent($("m-msisdn").value.trim()));
    messageData = r.status === 200 ? r.json : null;
    if (!messageData) { $("m-who").textContent = failure(r); $("m-messages").innerHTML = ""; return; }
    drawMessages();
  }

  function drawMessages() {
    if (!messageData) return;
    $("m-who").textContent = t("msgsFor", { m: messageData.msisdn });
    if (!messageData.messages.length) { table("m-messages", [t("noMessages")], []); return; }
    const data = (s) => el("span", { "data-data": "1", text: s });
    table("m-messages", [t("kind"), t("status"), t("key")], messageData.messages.map((m) => [t("k_" + m.kind), stateWord(m.state), data(m.key)]));
    $("m-messages").querySelectorAll("tr").forEach((tr, i) => { if (i > 0) tr.dataset.state = messageData.messages[i - 1].state; });
  }
  rerender.messages = drawMessages;

  let deadData = null;
  async function loadDead() {
    const r = await api("GET", "/admin/sms/dead");
    deadData = r.status === 200 ? r.json : null;
    drawDead();
  }

  function drawDead() {
    if (!deadData) return;
    $("m-dead-count").textContent = t("deadCount", { n: deadData.count });
    const data = (s) => el("span", { "data-data": "1", text: s });
    const head = [t("kind"), t("to"), t("reason"), t("key")];
    if (RANK[role] >= RANK.admin) head.push(t("text"), "");
    table("m-dead", head, deadData.dead.map((d) => {
      const row = [t("k_" + d.kind), d.to, data(d.reason), data(d.key)];
      if (RANK[role] >= RANK.admin) {
        row.push(data(d.text || ""));
        row.push(el("button", { class: "send-again", text: t("sendAgain"), onclick: async () => {
          const r = await api("POST", "/admin/sms/dead/" + encodeURIComponent(d.id) + "/send-again");
          $("m-status").textContent = r.status === 200 ? t("sentAgain") + " " + r.json.key : failure(r);
          loadDead();
        } }));
      }
      return row;
    }));
  }
  rerender.dead = drawDead;

  // ---- audit ----

  let auditData = null;
  async function loadAudit() {
    const q = ["who", "what", "from", "to"].map((k) => [k, $("au-" + k).value]).filter(([, v]) => v).map(([k, v]) => k + "=" + encodeURIComponent(v));
    const r = await api("GET", "/admin/audit" + (q.length ? "?" + q.join("&") : ""));
    auditData = r.status === 200 ? r.json.entries : null;
    drawAudit();
  }

  function drawAudit() {
    if (!auditData) return;
    if (!auditData.length) { table("audit", [t("noEntries")], []); return; }
    // Who, what and the result are records (token names, routes), shown as written.
    const data = (s) => el("span", { "data-data": "1", text: s });
    table("audit", [t("at"), t("who"), t("what"), t("result")], auditData.map((e) =>
      [e.at.replace("T", " ").substring(0, 19), data(e.who + (e.role ? " · " + t("role_" + e.role) : "")), data(e.what),
        data(e.status !== undefined ? String(e.status) : (e.before || "") + " → " + (e.after || ""))]));
  }
  rerender.audit = drawAudit;

  // ---- wiring ----

  $("lang-id").onclick = () => { lang = "id"; translate(); };
  $("lang-en").onclick = () => { lang = "en"; translate(); };
  $("signin").onclick = signIn;
  $("token").addEventListener("keydown", (e) => { if (e.key === "Enter") signIn(); });
  document.querySelectorAll("#tabs button").forEach((b) => { b.onclick = () => showTab(b.dataset.tab); });
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
  $("c-audience").onclick = countAudience;
  $("c-preview").onclick = preview;
  $("c-send").onclick = sendCampaign;
  $("a-create").onclick = createAgent;
  $("g-create").onclick = createGroup;
  $("r-load").onclick = loadReport;
  $("r-csv").onclick = downloadCsv;
  $("f-load").onclick = loadFunnel;
  $("au-load").onclick = loadAudit;
  $("m-load").onclick = loadMessages;
  translate();
  if (token) { $("token").value = ""; signIn(); }
})();
