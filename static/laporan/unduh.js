// "Unduh PDF": one click asks for the report once. While the server prepares it the link says
// so and ignores further clicks; a page that says the PDF is still being prepared (or any
// answer that is not a PDF) is shown as a page.
(function () {
  "use strict";
  document.addEventListener("click", async function (peristiwa) {
    const tautan = peristiwa.target.closest("a[data-unduh-pdf]");
    if (!tautan || peristiwa.defaultPrevented || peristiwa.button !== 0 || peristiwa.ctrlKey || peristiwa.metaKey) {
      return;
    }
    peristiwa.preventDefault();
    if (tautan.getAttribute("aria-disabled") === "true") {
      return;
    }
    const teks = tautan.textContent;
    tautan.setAttribute("aria-disabled", "true");
    tautan.textContent = "Menyiapkan PDF…";
    try {
      const jawaban = await fetch(tautan.href, { credentials: "same-origin" });
      const jenis = jawaban.headers.get("Content-Type") || "";
      if (jawaban.status !== 200 || !jenis.startsWith("application/pdf")) {
        window.location.assign(tautan.href);
        return;
      }
      const cocok = /filename="([^"]+)"/.exec(jawaban.headers.get("Content-Disposition") || "");
      const alamat = URL.createObjectURL(await jawaban.blob());
      const simpan = document.createElement("a");
      simpan.href = alamat;
      simpan.download = cocok ? cocok[1] : "LKIP.pdf";
      document.body.append(simpan);
      simpan.click();
      simpan.remove();
      setTimeout(function () { URL.revokeObjectURL(alamat); }, 60000);
    } catch (galat) {
      window.location.assign(tautan.href);
    } finally {
      tautan.textContent = teks;
      tautan.removeAttribute("aria-disabled");
    }
  });
})();
