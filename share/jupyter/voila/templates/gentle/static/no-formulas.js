/* Owning It Gently: the web app shows every text as written, never as a formula.

   Voila's page sends each control's label (and Markdown) through a typesetter. With
   MathJax, "I owe Sam $5 and Ana $10" showed as "I owe Sam 5andAna10" in slanted
   letters, and MathJax 3 was about 250 KB of script on every page, a second or more on a
   phone over a workshop's Wi-Fi. Voila uses its MathJax 2 plugin when the page names a
   MathJax address (index.html.j2 names this file), and that plugin loads the address only
   when something is typeset; this stands in for MathJax 2's calls and does nothing, so
   labels stay the plain text ipywidgets already put in them. */
window.MathJax = {
  Hub: {
    config: {},
    Config: function () {},
    Configured: function () {},
    Queue: function () {},
    Register: { StartupHook: function () {} },
  },
  Ajax: {},
  InputJax: { TeX: { resetEquationNumbers: function () {} } },
};
