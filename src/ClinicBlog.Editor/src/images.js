// Images where staff write: an image pasted or dropped into the editor, or picked from the media
// library, is inserted as Markdown after its description (alt text) is asked for. Uploads go to the
// same checks as the media page (content sniffed, size capped, metadata removed).
const element = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") {
      node.textContent = value;
    } else {
      node.setAttribute(name, value);
    }
  }
  node.append(...children);
  return node;
};

const escapeAlt = (text) => text.replace(/\s+/g, " ").trim().replace(/([[\]\\])/g, "\\$1");

export const imageDialog = ({ libraryUrl, uploadUrl, maxBytes, token, insert, returnFocus }) => {
  let dialog = null;
  let pendingFile = null;
  let parts = null;

  const build = () => {
    const heading = element("h2", { id: "md-image-heading", text: "Insert an image" });
    const source = element("div", { class: "md-image-source" });
    const alt = element("input", { id: "md-image-alt", type: "text", maxlength: "300", "aria-describedby": "md-image-alt-hint md-image-alt-error", autocomplete: "off" });
    const altField = element("div", { class: "field" },
      element("label", { for: "md-image-alt", text: "Description for people who cannot see it (alt text)" }),
      alt,
      element("span", { id: "md-image-alt-hint", class: "hint", text: "Say what the image shows that matters to the article, e.g. “Nurse checking an IV line in the infusion room”." }),
      element("span", { id: "md-image-alt-error", class: "field-error", "data-image-error": "" }));
    const decorative = element("input", { id: "md-image-decorative", type: "checkbox" });
    const decorativeField = element("div", { class: "field field-check" },
      decorative,
      element("label", { for: "md-image-decorative", text: "Decorative only: it adds nothing to the text (no description)" }));
    const sourceError = element("p", { id: "md-image-source-error", class: "field-error", "data-image-source-error": "" });
    const status = element("p", { class: "md-image-status", role: "status" });
    const insertButton = element("button", { type: "submit", class: "button", text: "Insert image" });
    const cancelButton = element("button", { type: "button", class: "button button-quiet", text: "Cancel" });
    const form = element("form", { method: "dialog", class: "form md-image-form", novalidate: "" },
      heading, source, sourceError, altField, decorativeField, status,
      element("div", { class: "form-actions" }, insertButton, cancelButton));
    dialog = element("dialog", { class: "md-dialog", "aria-labelledby": "md-image-heading", "data-image-dialog": "" }, form);
    document.body.append(dialog);
    parts = { source, alt, decorative, status, insertButton, error: altField.querySelector("[data-image-error]"), sourceError };

    decorative.addEventListener("change", () => {
      alt.disabled = decorative.checked;
      if (decorative.checked) {
        parts.error.textContent = "";
        alt.removeAttribute("aria-invalid");
      }
    });
    cancelButton.addEventListener("click", () => dialog.close());
    dialog.addEventListener("close", () => returnFocus());
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      await confirm();
    });
  };

  // The message goes next to what needs changing: the description, or the image chosen.
  const fail = (message, focus) => {
    const onAlt = focus === parts.alt;
    (onAlt ? parts.error : parts.sourceError).textContent = message;
    if (onAlt) {
      parts.alt.setAttribute("aria-invalid", "true");
    }
    parts.status.textContent = "";
    focus?.focus();
  };

  const confirm = async () => {
    const description = parts.decorative.checked ? "" : parts.alt.value.trim();
    parts.error.textContent = "";
    parts.sourceError.textContent = "";
    if (!parts.decorative.checked && description === "") {
      fail("Describe the image, or tick “Decorative only” if it adds nothing to the text.", parts.alt);
      return;
    }
    const chosenFile = pendingFile ?? parts.source.querySelector("input[type=file]")?.files?.[0] ?? null;
    const picked = parts.source.querySelector("input[name=md-library]:checked")?.value ?? null;
    let url = null;
    if (chosenFile && maxBytes && chosenFile.size > maxBytes) {
      fail(`The image is ${(chosenFile.size / 1048576).toFixed(1)} MB; the limit is ${Math.round(maxBytes / 1048576)} MB.`, parts.source.querySelector("input"));
      return;
    }
    if (chosenFile) {
      parts.insertButton.disabled = true;
      parts.status.textContent = "Uploading…";
      try {
        const body = new FormData();
        body.append("file", chosenFile, chosenFile.name || "pasted-image");
        body.append("__RequestVerificationToken", token);
        const response = await fetch(uploadUrl, { method: "POST", body, credentials: "same-origin" });
        const answer = response.headers.get("content-type")?.includes("json") ? await response.json() : {};
        if (!response.ok || !answer.url) {
          fail(answer.error ?? "The image could not be uploaded. Try again, or use the media page.", parts.source.querySelector("input"));
          return;
        }
        url = answer.url;
      } catch {
        fail("The image could not be uploaded (no connection). Try again.", null);
        return;
      } finally {
        parts.insertButton.disabled = false;
      }
    } else if (picked) {
      url = picked;
    } else {
      fail("Choose an image from the library or a file to upload.", parts.source.querySelector("input"));
      return;
    }
    dialog.close();
    insert(`![${escapeAlt(description)}](${url})`);
  };

  const showFile = (file) => {
    const preview = element("img", { alt: "", class: "md-image-preview" });
    const reader = new FileReader();
    reader.addEventListener("load", () => preview.setAttribute("src", reader.result));
    reader.readAsDataURL(file);
    parts.source.replaceChildren(
      element("p", { text: `Image to upload: ${file.name || "pasted image"} (${Math.max(1, Math.round(file.size / 1024))} KB)` }),
      preview);
  };

  const showLibrary = async () => {
    const upload = element("input", { id: "md-image-file", type: "file", accept: "image/jpeg,image/png,image/webp,image/gif" });
    const uploadField = element("div", { class: "field" },
      element("label", { for: "md-image-file", text: "Upload a new image" }), upload);
    const list = element("fieldset", { class: "md-library" }, element("legend", { text: "Or choose one from the media library" }));
    parts.source.replaceChildren(uploadField, list);
    try {
      const response = await fetch(libraryUrl, { credentials: "same-origin" });
      const items = response.ok ? await response.json() : [];
      if (items.length === 0) {
        list.append(element("p", { class: "empty", text: "The library is empty." }));
      }
      items.forEach((item, index) => {
        const id = `md-library-${index}`;
        list.append(element("div", { class: "md-library-item" },
          element("input", { type: "radio", name: "md-library", id, value: item.url }),
          element("label", { for: id },
            element("img", { src: item.thumbnail, alt: "", width: "96", height: String(Math.max(1, Math.round(96 * item.height / item.width))), loading: "lazy" }),
            element("span", { text: `${item.name} (${item.width}×${item.height})` }))));
      });
    } catch {
      list.append(element("p", { text: "The library could not be loaded. You can still upload a file." }));
    }
  };

  const open = (files) => {
    if (!dialog) {
      build();
    }
    pendingFile = files?.[0] ?? null;
    parts.alt.value = "";
    parts.alt.disabled = false;
    parts.alt.removeAttribute("aria-invalid");
    parts.decorative.checked = false;
    parts.error.textContent = "";
    parts.sourceError.textContent = "";
    parts.status.textContent = "";
    if (pendingFile) {
      showFile(pendingFile);
    } else {
      showLibrary();
    }
    dialog.showModal();
    (pendingFile ? parts.alt : parts.source.querySelector("input") ?? parts.alt).focus();
  };

  const fromTransfer = (event, transfer) => {
    const files = [...(transfer?.files ?? [])].filter((file) => file.type.startsWith("image/"));
    if (files.length === 0) {
      return false;
    }
    event.preventDefault();
    open(files);
    return true;
  };

  return { open, fromTransfer };
};
