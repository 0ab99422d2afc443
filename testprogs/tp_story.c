/*
 * --summary-tree (tests/integration/it_summary.c): a process tree whose every
 * end is known.  Children, in order: makes exactly 7 getppid calls and exits 3;
 * is SIGKILLed by its parent; dies of SIGSEGV (no core); execs /bin/true;
 * starts 2 threads and exits 0; is SIGTERMed by its parent.
 */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void *thread_main(void *arg)
{
	return arg;
}

static void child(int which)
{
	struct rlimit no_core = {0, 0};
	pthread_t th[2];

	switch (which) {
	case 0:
		for (int i = 0; i < 7; i++)
			syscall(SYS_getppid);
		_exit(3);
	case 1:
	case 5:
		for (;;)
			pause();
	case 2:
		setrlimit(RLIMIT_CORE, &no_core);
		*(volatile int *)0 = 1;
		_exit(1);
	case 3:
		execl("/bin/true", "true", "story-arg", (char *)NULL);
		_exit(127);
	default:
		for (int i = 0; i < 2; i++)
			pthread_create(&th[i], NULL, thread_main, NULL);
		for (int i = 0; i < 2; i++)
			pthread_join(th[i], NULL);
		_exit(0);
	}
}

int main(void)
{
	for (int i = 0; i < 6; i++) {
		pid_t pid = fork();
		if (pid < 0)
			return 1;
		if (pid == 0)
			child(i);
		if (i == 1)
			kill(pid, SIGKILL);
		if (i == 5) {
			/* SIGTERM has a delivery stop: the tree names who sent it. */
			struct timespec settle = {0, 50 * 1000 * 1000};
			nanosleep(&settle, NULL);
			kill(pid, SIGTERM);
		}
		waitpid(pid, NULL, 0);
	}
	return 0;
}
