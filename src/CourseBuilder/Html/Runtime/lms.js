/* LMS adapter; see docs/runtime.md. */
