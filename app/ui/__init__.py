"""The Qt desktop interface: widgets hold layout, controllers hold logic."""
