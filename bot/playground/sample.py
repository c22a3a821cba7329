"""The sample voice note the page sends: a short, soft two-note chime, made on the spot as a
WAV file (no recording shipped, nothing to download)."""

import io
import math
import struct
import wave

RATE = 16_000
SECONDS = 2


def sample_voice() -> bytes:
    frames = bytearray()
    for i in range(RATE * SECONDS):
        t = i / RATE
        pitch = 440.0 if t < SECONDS / 2 else 554.37
        phase = t % (SECONDS / 2)
        fade = min(1.0, phase * 20, (SECONDS / 2 - phase) * 20)  # no clicks between notes
        value = 0.25 * fade * math.sin(2 * math.pi * pitch * t)
        frames += struct.pack("<h", int(value * 32767))
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(bytes(frames))
    return out.getvalue()
