// The live preview: the text is sent (debounced, with the antiforgery token) to the staff-only preview
// endpoint, which answers with the article body rendered by the server's own Markdown renderer and
// sanitizer, its readability and its images without a description. Only the latest answer is shown.
export const livePreview = ({ url, token, target, delayMs = 600 }) => {
  let timer = null;
  let sent = 0;
  let lastText = null;

  const render = async (text) => {
    if (!url || text === lastText) {
      return;
    }
    lastText = text;
    const number = ++sent;
    const body = new FormData();
    body.append("Body", text);
    body.append("__RequestVerificationToken", token);
    target.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(url, { method: "POST", body, credentials: "same-origin" });
      if (number !== sent) {
        return;
      }
      if (response.ok) {
        // Rendered and sanitized by the server (the same sanitizer as the public page).
        target.innerHTML = await response.text();
      } else {
        lastText = null;
        target.textContent = response.status === 413
          ? "The text is too long to preview live. Use the Preview button."
          : "The preview could not be updated. Your text is safe in the editor; use the Preview button.";
      }
    } catch {
      lastText = null;
      if (number === sent) {
        target.textContent = "The preview could not be updated (no connection). Your text is safe in the editor.";
      }
    } finally {
      if (number === sent) {
        target.removeAttribute("aria-busy");
      }
    }
  };

  return {
    soon: (text) => {
      clearTimeout(timer);
      timer = setTimeout(() => render(text), delayMs);
    },
    now: (text) => {
      clearTimeout(timer);
      render(text);
    },
  };
};
