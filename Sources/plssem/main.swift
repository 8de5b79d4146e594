print("plssem")
