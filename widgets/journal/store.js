// The journal's front end: keeps the record in this browser's storage, never elsewhere.
//
// "visit" mode keeps it in sessionStorage (gone when the tab closes), "keep" mode in
// localStorage (survives closing the browser). The mode is where the record is: a record in
// localStorage means the participant chose "keep". The kernel checks the record; this file
// only moves text in and out of storage and merges each change into what is stored, so two
// open lessons never overwrite each other's answers.
//
// Messages from the kernel: put, mode, erase, set_aside. To the kernel: loaded, written,
// mode, erased, set_aside.
//
// A stored record the kernel cannot read is set aside, never deleted: it is copied under
// its own key, <key>:set-aside:<time>, so a second unreadable record never replaces the
// first. At most MAX_SET_ASIDE copies are kept; when there are that many already, nothing
// is dropped: the record is left where it is and the kernel is told (it then says so and
// keeps new answers for this page only). "Erase everything" removes the copies too.

const SET_ASIDE = ":set-aside";
const MAX_SET_ASIDE = 10;

function baseUrl() {
  try {
    const el = document.getElementById("jupyter-config-data");
    if (el) {
      const config = JSON.parse(el.textContent);
      if (config.baseUrl) return config.baseUrl;
    }
  } catch (e) {
    /* fall back to the origin's root */
  }
  return "/";
}

function area(name) {
  try {
    const storage = window[name];
    storage.getItem("owning-it-gently:probe");
    return storage;
  } catch (e) {
    return null;
  }
}

// Every set-aside copy of this record, oldest key names first (including the single
// "<key>:set-aside" copy an earlier version of this file kept).
function setAsideKeys(storage, key) {
  const found = [];
  for (let i = 0; i < storage.length; i++) {
    const name = storage.key(i);
    if (name !== null && (name === key + SET_ASIDE || name.startsWith(key + SET_ASIDE + ":"))) {
      found.push(name);
    }
  }
  return found.sort();
}

function setAside(storage, key) {
  const text = storage.getItem(key);
  if (text === null) return; // already gone (another tab): nothing to keep
  if (setAsideKeys(storage, key).length >= MAX_SET_ASIDE) {
    throw new Error("no room for another set-aside copy");
  }
  const stamp = key + SET_ASIDE + ":" + new Date().toISOString();
  let name = stamp;
  for (let n = 2; storage.getItem(name) !== null; n++) name = stamp + "-" + n;
  storage.setItem(name, text);
  if (storage.getItem(name) !== text) throw new Error("the copy did not stick");
  storage.removeItem(key);
}

function freshRecord(version) {
  return { app: "owning-it-gently", kind: "journal", version, updated: "", answers: {}, ratings: [] };
}

function readRecord(storage, key, version) {
  const text = storage.getItem(key);
  if (text === null) return freshRecord(version);
  try {
    const record = JSON.parse(text);
    if (record && record.version === version && record.answers && Array.isArray(record.ratings)) {
      return record;
    }
  } catch (e) {
    /* unreadable: start afresh below */
  }
  return null;
}

// Resolves once every widget model the page has started making exists, or after
// `limit` ms. Why: Voila's page makes all of a kernel's widgets at once from one message
// (request_states); each one's channel is open before its model is made, and an update
// the kernel sends to a widget whose model is not made yet is dropped. This record's
// answer to "loaded" updates other widgets (the status line, restored answers, the list
// on "My answers"), so on a busy machine those updates were lost and the page said
// "Looking for your answers..." for good. `_models` (model id -> promise) is the widget
// manager's own table (ipywidgets 8); without it, nothing is waited for.
export async function widgetsMade(manager, limit = 15000) {
  const table = manager && manager._models;
  if (!table) return;
  const made = (async () => {
    for (let round = 0; round < 50; round++) {
      const pending = Object.values(table);
      await Promise.allSettled(pending);
      if (Object.values(table).every((model) => pending.includes(model))) return;
    }
  })();
  await Promise.race([made, new Promise((resolve) => setTimeout(resolve, limit))]);
}

export default {
  initialize({ model }) {
    const key = model.get("key_prefix") + baseUrl();
    const version = model.get("version");
    const local = area("localStorage");
    const session = area("sessionStorage");
    const state = { mode: "visit", blocked: false };

    const active = () =>
      state.mode === "keep" ? local : state.mode === "visit" ? session : null;

    let text = null;
    let problem = "";
    if (model.get("setting") === "off") {
      state.mode = "off";
    } else if (local && local.getItem(key) !== null) {
      state.mode = "keep";
      text = local.getItem(key);
    } else if (session) {
      text = session.getItem(key);
    } else {
      state.mode = "memory";
      problem = "disabled";
    }

    const write = (change) => {
      const storage = active();
      if (!storage || state.blocked) return;
      try {
        const record = readRecord(storage, key, version) || freshRecord(version);
        change(record);
        storage.setItem(key, JSON.stringify(record));
        model.send({ type: "written", ok: true });
      } catch (e) {
        model.send({ type: "written", ok: false, problem: "full" });
      }
    };

    let heard = false;
    model.on("msg:custom", (msg) => {
      if (msg.type === "heard") {
        heard = true;
      } else if (msg.type === "put") {
        write((record) => {
          for (const [ref, entry] of Object.entries(msg.entries || {})) record.answers[ref] = entry;
          record.ratings = record.ratings.concat(msg.ratings || []).slice(-500);
          if (msg.updated) record.updated = msg.updated;
        });
      } else if (msg.type === "set_aside") {
        try {
          setAside(active(), key);
          model.send({ type: "set_aside", ok: true });
        } catch (e) {
          state.blocked = true;
          model.send({ type: "set_aside", ok: false });
        }
      } else if (msg.type === "mode") {
        const from = active();
        const to = msg.mode === "keep" ? local : msg.mode === "visit" ? session : null;
        if (!to || state.mode === "off" || state.blocked) {
          model.send({ type: "mode", mode: state.mode, ok: false });
          return;
        }
        if (from === to) {
          model.send({ type: "mode", mode: state.mode, ok: true });
          return;
        }
        try {
          const current = from ? from.getItem(key) : null;
          to.setItem(key, current !== null ? current : JSON.stringify(freshRecord(version)));
          if (from) from.removeItem(key);
          state.mode = msg.mode;
          model.send({ type: "mode", mode: state.mode, ok: true });
        } catch (e) {
          model.send({ type: "mode", mode: state.mode, ok: false, problem: "full" });
        }
      } else if (msg.type === "erase") {
        let ok = true;
        for (const storage of [local, session]) {
          if (!storage) continue;
          try {
            storage.removeItem(key);
            for (const name of setAsideKeys(storage, key)) storage.removeItem(name);
            ok = ok && storage.getItem(key) === null && setAsideKeys(storage, key).length === 0;
          } catch (e) {
            ok = false;
          }
        }
        state.blocked = false;
        if (state.mode === "keep") state.mode = session ? "visit" : "memory";
        model.send({ type: "erased", ok, mode: state.mode });
      }
    });

    // Say what this browser holds once the page's widgets are all made (see
    // widgetsMade), and again every 2 s until the kernel confirms it heard.
    const tell = (tries) => {
      if (heard || tries === 0) return;
      model.send({ type: "loaded", mode: state.mode, text, problem });
      setTimeout(() => tell(tries - 1), 2000);
    };
    widgetsMade(model.widget_manager).then(() => tell(30));
  },

  render({ el }) {
    el.classList.add("oig-journal-store");
  },
};
