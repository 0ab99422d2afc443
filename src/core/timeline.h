/* --timeline FILE: the run as Trace Event JSON (timeline.c). */
#ifndef PTRC_CORE_TIMELINE_H
#define PTRC_CORE_TIMELINE_H

struct tracer;
struct task;

/* Opens the file when asked for: 0, or -errno (said). */
int timeline_open(struct tracer *t);
/* Ends the array and closes the file (failures said, and the run's output is lost). */
void timeline_close(struct tracer *t);
void timeline_task_start(struct tracer *t, struct task *task);
/* A shown syscall, at its exit (or its end without one). */
void timeline_call(struct tracer *t, struct task *task);
void timeline_signal(struct tracer *t, struct task *task, int sig);
void timeline_task_end(struct tracer *t, struct task *task, int status);
/* An instant: scope 't' for the thread, 'p' for its process; key/val one argument or NULL. */
void timeline_instant(struct tracer *t, struct task *task, char scope, const char *cat,
		      const char *name, const char *key, const char *val);

#endif
