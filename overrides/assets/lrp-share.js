// The share control of an item page: the Web Share API where the browser has it; otherwise the
// page's address copied to the clipboard; where neither works, the address shown selected in a
// field to copy by hand. Without this script the control stays hidden. Nothing leaves the site.
(() => {
  "use strict";
  const box = document.querySelector("[data-lrp-share]");
  if (!box) return;
  const button = box.querySelector("[data-lrp-share-button]");
  const status = box.querySelector("[data-lrp-share-status]");
  const url = box.dataset.url || window.location.href;
  const title = box.dataset.title || document.title;
  box.hidden = false;

  function showField() {
    let field = box.querySelector("input");
    if (!field) {
      field = document.createElement("input");
      field.type = "text";
      field.readOnly = true;
      field.className = "lrp-share__link";
      field.value = url;
      field.setAttribute("aria-label", box.dataset.copy);
      box.append(field);
    }
    status.textContent = box.dataset.copy;
    field.focus();
    field.select();
  }

  button.addEventListener("click", async () => {
    status.textContent = "";
    if (typeof navigator.share === "function") {
      try {
        await navigator.share({ title, url });
        return;
      } catch (error) {
        if (error && error.name === "AbortError") return; // the visitor closed the share sheet
      }
    }
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(url);
        status.textContent = box.dataset.copied;
        return;
      } catch (error) {
        // not allowed here: fall through to the field
      }
    }
    showField();
  });
})();
