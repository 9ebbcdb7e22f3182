// Staff post editor: autosave and "unsaved changes" warning. Progressive enhancement only: without
// JavaScript the editor saves and previews exactly as before. Loaded on the edit page, never on reader pages.
(() => {
  const form = document.querySelector("form.editor-form[data-autosave-url]");
  if (!form) {
    return;
  }

  const status = document.querySelector("[data-autosave-status]");
  const others = document.querySelector("[data-others-editing]");
  const idleMs = 3000;
  let timer = null;
  let dirty = false;
  let saving = false;
  let submitting = false;

  const show = (text) => {
    if (status) {
      status.textContent = text;
    }
  };

  const showOthers = (names) => {
    if (!others) {
      return;
    }
    others.hidden = names.length === 0;
    others.textContent = names.length === 0 ? "" :
      `Also editing this post now: ${names.join(", ")}. Whoever saves second is shown both versions to merge.`;
  };

  const save = async () => {
    if (saving) {
      timer = setTimeout(save, 1000);
      return;
    }
    saving = true;
    const sent = new FormData(form);
    sent.delete("intent");
    try {
      const response = await fetch(form.dataset.autosaveUrl, { method: "POST", body: sent, credentials: "same-origin" });
      if (response.ok) {
        const result = await response.json();
        dirty = false;
        show(result.saved);
        showOthers(result.others || []);
      } else {
        show("Not saved automatically. Use Save to keep your changes.");
      }
    } catch {
      show("Not saved automatically (no connection). Use Save to keep your changes.");
    } finally {
      saving = false;
    }
  };

  form.addEventListener("input", () => {
    dirty = true;
    show("Unsaved changes");
    clearTimeout(timer);
    timer = setTimeout(save, idleMs);
  });

  form.addEventListener("submit", () => {
    submitting = true;
    clearTimeout(timer);
  });

  window.addEventListener("beforeunload", (event) => {
    if (dirty && !submitting) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
