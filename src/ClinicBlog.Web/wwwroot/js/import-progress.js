// Staff import page: while an import runs, look again every two seconds. Without JavaScript the
// page's "Check again" link does the same.
(() => {
  if (document.querySelector("[data-import-running]")) {
    setTimeout(() => window.location.reload(), 2000);
  }
})();
