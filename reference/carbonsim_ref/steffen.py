"""Interpolation through knots, held flat outside them: Steffen's monotone cubic (M. Steffen, A&A 239:443, 1990)
and linear, as GSL's `gsl_interp_steffen` and `gsl_interp_linear` with the model's flat ends."""
import bisect


class _Knots:
    def __init__(self, x, y):
        self.x, self.y = list(x), list(y)

    def __call__(self, t):
        x, y = self.x, self.y
        if t <= x[0]:
            return y[0]
        if t >= x[-1]:
            return y[-1]
        i = bisect.bisect_right(x, t) - 1
        return self.inside(i, t - x[i])


class Steffen(_Knots):
    def __init__(self, x, y):
        super().__init__(x, y)
        x, y = self.x, self.y
        n = len(x)
        h = [x[i + 1] - x[i] for i in range(n - 1)]
        s = [(y[i + 1] - y[i]) / h[i] for i in range(n - 1)]
        d = [0.0] * n
        # End points: the secant of the end interval (the "simplest possibility" of Steffen 1990, as GSL does).
        d[0] = s[0]
        d[n - 1] = s[n - 2]
        for i in range(1, n - 1):
            p = (s[i - 1] * h[i] + s[i] * h[i - 1]) / (h[i - 1] + h[i])
            sign = lambda v: (v > 0) - (v < 0)
            d[i] = (sign(s[i - 1]) + sign(s[i])) * min(abs(s[i - 1]), abs(s[i]), 0.5 * abs(p))
        self.h, self.s, self.d = h, s, d

    def inside(self, i, dx):
        h, s, d = self.h[i], self.s[i], self.d
        a = (d[i] + d[i + 1] - 2 * s) / (h * h)
        b = (3 * s - 2 * d[i] - d[i + 1]) / h
        return self.y[i] + dx * (d[i] + dx * (b + dx * a))


class Linear(_Knots):
    def inside(self, i, dx):
        x, y = self.x, self.y
        return y[i] + dx / (x[i + 1] - x[i]) * (y[i + 1] - y[i])
