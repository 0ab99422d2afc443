/* A non-main thread crashes with a NULL store while main waits. */
#include "crash_note.h"
#include <pthread.h>
#include <stddef.h>

__attribute__((noinline)) static void thread_work(int *p)
{
	*p = 9; /* CRASH-LINE */
}

static void *thread_main(void *arg)
{
	about_to_crash();
	thread_work(arg);
	return NULL;
}

int main(void)
{
	pthread_t t;

	if (pthread_create(&t, NULL, thread_main, NULL) != 0)
		return 1;
	pthread_join(t, NULL);
	return 0;
}
