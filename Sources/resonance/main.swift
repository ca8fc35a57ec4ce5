print("resonance")
