"""What the tests share, and nothing a test module defines for itself.

Test modules import from here, never from each other:

- `plans`: the sample plans (SAMPLES; KAFE, NORDLYS, TROMSO by name), small plan texts
  (CLEAN, TIKTOK), `saved(path)`, and the hypothesis strategy `plans` of generated plans.
- `editing`: the editor opened on a plan at a size and loaded (`editing`, which the
  `editor` fixture in conftest.py returns), and moving around it (`tab_to`, `retype`,
  `pick`), reading it (`screen_text`, `field_of`), `committed` for the changes view.
- `cli`: the real `posttui` in a subprocess (`posttui`, `posttui_bytes`), `environment`,
  `write`.
- `pages`: the structure of HTML and Markdown reports (`Page`, `structure`, `tags`,
  `markdown_html`, `visible`) and WEB_ATTACKS.
- `hostile`: hostile plans and the check that nothing reached the terminal unescaped.
- `terminal`: the real `posttui` in a tmux session (skips where tmux is missing).
- `browser`: headless Chromium and a PNG reader (skips where Chromium is missing).
- `served`: a real `posttui serve`, reached over HTTP and WebSocket.
- `imports`: code that makes importing Textual or Rich fail, for the core's boundary.
"""
