print("gutplan")
