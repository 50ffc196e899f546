/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-perf-generate.h: makes a large fictional organisation for the benchmarks */
#pragma once

#include "raad-store.h"

G_BEGIN_DECLS

/* Writes one organisation, @n_councils councils (the first central) and @n_members members
 * spread over them, each with a generated portrait when @photos, in one transaction.
 * Deterministic for a given @seed. */
gboolean raad_perf_generate (RaadStore  *store,
                             guint       n_councils,
                             guint       n_members,
                             gboolean    photos,
                             guint32     seed,
                             GError    **error);

/* Gives the central council (the first, as raad_perf_generate writes it) @n_meetings meetings,
 * one a week, each with an agenda of @n_items items counting sub-items: the standard items,
 * subjects and sub-items, with durations, purposes and presenters. One transaction;
 * deterministic for a given @seed. */
gboolean raad_perf_generate_meetings (RaadStore  *store,
                                      guint       n_meetings,
                                      guint       n_items,
                                      guint32     seed,
                                      GError    **error);

G_END_DECLS
