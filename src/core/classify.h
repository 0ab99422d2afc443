/* Turning a wait status into the kind of stop it is.  Pure. */
#ifndef PTRC_CORE_CLASSIFY_H
#define PTRC_CORE_CLASSIFY_H

enum stop_kind {
	STOP_EXITED,	/* WIFEXITED: code in .code */
	STOP_KILLED,	/* WIFSIGNALED: signal in .sig, .core */
	STOP_SYSCALL,	/* SIGTRAP|0x80 with PTRACE_O_TRACESYSGOOD */
	STOP_SIGNAL,	/* signal-delivery stop: .sig to re-inject */
	STOP_GROUP,	/* group stop under PTRACE_SEIZE: .sig is the stop signal */
	STOP_INTERRUPT, /* PTRACE_EVENT_STOP for PTRACE_INTERRUPT or a new child */
	STOP_EVENT,	/* PTRACE_EVENT_*: .event */
	STOP_UNKNOWN,
};

struct stop {
	enum stop_kind kind;
	int sig;
	int code;
	int event;
	int core;
};

struct stop stop_classify(int status);

#endif
