/* Forms that keep what the user typed and actions that ask first.
 *
 * <form data-jaga>            warn before leaving the page with unsaved changes;
 *                             data-jaga="kotor" when the page already shows unsaved input
 *                             (a form sent back with errors or after a conflict).
 * <form data-konfirmasi="…">  ask with a dialog; on yes the form is sent with
 *                             konfirmasi=ya, without JavaScript the server asks on a page.
 * <input data-ambil-untuk="id_x" data-nilai="…">  a conflict choice: taking the stored value
 *                             writes it into the field, typing in the field takes one's own.
 */
(function () {
  "use strict";

  var sedangKirim = false;

  function kotor(form) {
    form.dataset.jaga = "kotor";
  }

  document.addEventListener("input", function (e) {
    var form = e.target.form;
    if (form && form.hasAttribute("data-jaga")) kotor(form);
    // Typing in a field after taking the stored value keeps what is typed.
    if (e.isTrusted && e.target.id) {
      var saya = document.querySelector(
        'input[data-ambil-untuk="' + e.target.id + '"][value="saya"]');
      if (saya && !saya.checked) {
        saya.checked = true;
        delete e.target.dataset.milikSaya;
      }
    }
  }, true);
  document.addEventListener("change", function (e) {
    var form = e.target.form;
    if (form && form.hasAttribute("data-jaga")) kotor(form);
  }, true);

  document.addEventListener("submit", function (e) {
    var form = e.target;
    var tanya = form.getAttribute("data-konfirmasi");
    if (tanya && !form.querySelector('input[name="konfirmasi"]')) {
      if (!window.confirm(tanya)) {
        e.preventDefault();
        e.stopImmediatePropagation();
        return;
      }
      var ya = document.createElement("input");
      ya.type = "hidden";
      ya.name = "konfirmasi";
      ya.value = "ya";
      form.appendChild(ya);
    }
    if (form.hasAttribute("data-jaga")) sedangKirim = true;
  }, true);

  window.addEventListener("pageshow", function () {
    sedangKirim = false;
  });

  window.addEventListener("beforeunload", function (e) {
    if (sedangKirim) return;
    if (document.querySelector('form[data-jaga="kotor"]')) {
      e.preventDefault();
      e.returnValue = "";
    }
  });

  document.addEventListener("change", function (e) {
    var pilihan = e.target;
    var id = pilihan.getAttribute && pilihan.getAttribute("data-ambil-untuk");
    if (!id || !pilihan.checked) return;
    var isian = document.getElementById(id);
    if (!isian) return;
    if (pilihan.value === "tersimpan") {
      isian.dataset.milikSaya = isian.value;
      isian.value = pilihan.getAttribute("data-nilai");
    } else if (isian.dataset.milikSaya !== undefined) {
      isian.value = isian.dataset.milikSaya;
    }
    isian.dispatchEvent(new Event("input", { bubbles: true }));
  });
})();
