#ifndef CGSL_SHIM_H
#define CGSL_SHIM_H
// The parts of GSL that carbonsim uses.
#include <gsl/gsl_errno.h>
#include <gsl/gsl_odeiv2.h>
#include <gsl/gsl_spline.h>
#include <gsl/gsl_interp.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_math.h>
#endif
