import ArgumentParser

Output.ignoreSIGPIPE()
QiyueCommand.main()
