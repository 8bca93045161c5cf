enum _PScenarios {}
