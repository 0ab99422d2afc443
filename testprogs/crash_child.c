/* The child of a fork crashes with a NULL store; the parent reports its status. */
#include "crash_note.h"
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

__attribute__((noinline)) static void child_work(int *p)
{
	*p = 7; /* CRASH-LINE */
}

int main(void)
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		about_to_crash();
		child_work(NULL);
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return 1;
	return WIFSIGNALED(status) ? 100 + WTERMSIG(status) : 2;
}
