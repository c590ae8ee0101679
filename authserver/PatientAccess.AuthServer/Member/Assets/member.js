// Moves focus to the error summary after a failed post, so screen readers read the problems
// first and keyboard users start from them. A static file: the pages' CSP allows no inline script.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
});
