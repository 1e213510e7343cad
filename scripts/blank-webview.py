#!/usr/bin/env python3
"""A blank WebKitGTK 4.1 window: a GTK host showing an empty page, the same
engine the app runs on. scripts/bench-memory.sh measures it as the floor."""
import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import Gtk, WebKit2  # noqa: E402

window = Gtk.Window(title="blank")
window.set_default_size(1280, 800)
view = WebKit2.WebView()
view.load_html("<!doctype html><title>blank</title>", "about:blank")
window.add(view)
window.connect("destroy", Gtk.main_quit)
window.show_all()
Gtk.main()
