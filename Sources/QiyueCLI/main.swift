import ArgumentParser

QiyueCommand.main()
