/* The learner player; see docs/runtime.md. */
