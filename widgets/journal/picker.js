// A "load a file" button: reads the chosen file in the browser and hands its text to the
// kernel as one message. A real button with a plain label (no file count), keyboard-ready.
export default {
  render({ model, el }) {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = ".json,application/json";
    input.hidden = true;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "jupyter-button oig-button oig-import-button";
    button.textContent = model.get("label");
    button.addEventListener("click", () => input.click());
    input.addEventListener("change", () => {
      const file = input.files && input.files[0];
      if (!file) return;
      if (file.size > model.get("max_bytes")) {
        model.send({ type: "file", text: null, too_big: true });
      } else {
        const reader = new FileReader();
        reader.onload = () => model.send({ type: "file", text: String(reader.result) });
        reader.onerror = () => model.send({ type: "file", text: "" });
        reader.readAsText(file);
      }
      input.value = "";
    });
    el.classList.add("oig-import-picker");
    el.append(button, input);
  },
};
