/* Forms that keep what the user typed and actions that ask first.
 *
 * <form data-jaga>            warn before leaving the page with unsaved changes;
 *                             data-jaga="kotor" when the page already shows unsaved input
 *                             (a form sent back with errors or after a conflict).
 * <form data-konfirmasi="…">  ask with a dialog; on yes the form is sent with
 *                             konfirmasi=ya, without JavaScript the server asks on a page.
 * <input data-ambil-untuk="id_x" data-nilai="…">  a conflict choice: taking the stored value
 *                             writes it into the field, typing in the field takes one's own.
 * On submit a guarded form also sends diubah=<names of the fields the user changed>.
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
      ya.setAttribute("data-dari-dialog", "");
      form.appendChild(ya);
    }
    if (form.hasAttribute("data-jaga")) {
      sedangKirim = true;
      tandaiDiubah(form);
    }
  }, true);

  /* Tell the server which fields the user changed (diubah=a,b), so that after someone
   * else's save it takes their value where the user did not type, and asks only where both
   * changed. Names carried from an earlier refused save are kept. */
  function tandaiDiubah(form) {
    var nama = {};
    var lama = form.querySelector('input[name="diubah"]');
    if (lama && lama.value) lama.value.split(",").forEach(function (n) { nama[n] = true; });
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "versi" || el.name === "diubah" || el.name === "csrfmiddlewaretoken" ||
          el.name.indexOf("ambil_") === 0 || el.type === "file") return;
      var beda;
      if (el.type === "checkbox" || el.type === "radio") beda = el.checked !== el.defaultChecked;
      else if (el.tagName === "SELECT") beda = Array.prototype.some.call(el.options, function (o) {
        return o.selected !== o.defaultSelected;
      });
      else beda = el.value !== el.defaultValue;
      if (beda) nama[el.name] = true;
    });
    if (!lama) {
      lama = document.createElement("input");
      lama.type = "hidden";
      lama.name = "diubah";
      form.appendChild(lama);
    }
    lama.value = Object.keys(nama).join(",");
  }

  // Back to a page kept in the browser's memory: ask again next time.
  window.addEventListener("pageshow", function () {
    sedangKirim = false;
    document.querySelectorAll("input[data-dari-dialog]").forEach(function (el) { el.remove(); });
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
