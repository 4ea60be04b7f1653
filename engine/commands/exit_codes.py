"""Exit codes (a contract): 0 success; 1 the asked-for condition failed; 2 bad input or usage."""

EXIT_OK, EXIT_FAILED, EXIT_INPUT = 0, 1, 2
