"""Business cards (no Qt): image -> card(s) -> upright, clean -> Tesseract -> contact fields.

Public entry points: ocr.pipeline.scan_file / scan_image / scan_files, ocr.parse.parse_text
(pasted e-mail signatures), ocr.front_back.merge, ocr.camera.grab; result types in ocr.types.
"""
