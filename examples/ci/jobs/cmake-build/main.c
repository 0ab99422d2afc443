/* The job of examples/policies/cmake-build.policy. */
#include <stdio.h>

#include "greet.h"

int main(void)
{
	puts(greeting());
	return 0;
}
