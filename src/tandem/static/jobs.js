// Progressive enhancement: while a job is busy, reload its page every two seconds (without JavaScript the page
// has a "Nu vernieuwen" link).
(function () {
  var box = document.getElementById("taak");
  if (box && box.getAttribute("data-busy") === "ja") {
    window.setTimeout(function () { window.location.reload(); }, 2000);
  }
})();
