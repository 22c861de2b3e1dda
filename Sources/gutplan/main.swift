import GutPlanCLI

// The executable only starts the front end (`GutPlanCLI`), so that the tests link the front end
// without this target's linker settings (the release build links the runtime statically).
GutPlanCommand.main()
