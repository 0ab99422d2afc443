/* The job of examples/policies/ci-build.policy: one file, built by make and cc. */
#include <stdio.h>

int main(void)
{
	puts("hello from ci-build");
	return 0;
}
