/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-council-section.c: one council on the face-book: its title and its member cards */
#define G_LOG_DOMAIN "raad-facebook"

#include "config.h"

#include <glib/gi18n.h>

#include "raad-council-section.h"
#include "raad-facebook-page.h"
#include "raad-member-card.h"
#include "raad-record-list.h"
#include "raad-section-list.h"

/* A row of the face-book's GtkListView. GTK 4.8's list view makes a row for each of up to
 * 200 items whatever fits on screen, so a section costs next to nothing until the page
 * wants it: no widgets inside, only the height its title and cards will take. The page says
 * how many cards must be right at once (those in view: built or given their member in the
 * same frame) and whether the section is near the view (the rest are built over the next
 * frames, a few milliseconds each) or far from it (its cards go).
 *
 * Cards are the section's own children of its flow box, not made by gtk_flow_box_bind_model
 * (which builds a new card for every item a query adds): the first n_correct show the first
 * n_correct members; a new query leaves the cards where they are and gives them their new
 * members as they are needed, so a keystroke changes the text of a dozen cards rather than
 * building them. Cards past the end of a shorter list are hidden at once (a section must not
 * take more room than its members need) and removed over the next frames; a few are kept
 * for when the list grows again. */

/* What a section's unbuilt parts are expected to take, for the reserved height. */
#define HEADER_HEIGHT_ESTIMATE 82
#define CARD_WIDTH_ESTIMATE 236
#define CARD_HEIGHT_ESTIMATE 292
/* The lowest a line of cards can be: the page asks for enough cards to fill the view even
 * with lines this low, so that no frame shows a hole at the bottom. */
#define LINE_HEIGHT_MIN 200
#define SPARE_CARDS 16
/* Time per frame for cards not in view, over all sections. */
#define BACKGROUND_BUDGET_USEC 3000

struct _RaadCouncilSection
{
  GtkWidget          parent_instance;

  RaadSection       *section;
  RaadCouncil       *council;
  RaadFacebookState *state;
  GListModel        *members;       /* the section's items */

  GPtrArray         *cards;         /* RaadMemberCard, the flow box's children in order */
  GPtrArray         *spare;         /* cards out of the flow box, for reuse */
  guint              n_correct;     /* cards[0..n_correct) show members[0..n_correct) */
  guint              n_needed;      /* cards that must be right now (in view) */
  gboolean           wanted;
  guint              tick_id;

  /* Built when first wanted. */
  GtkWidget         *box;
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkWidget         *edit_button;
  GtkFlowBox        *flow_box;
  GtkWidget         *empty_label;
};

G_DEFINE_FINAL_TYPE (RaadCouncilSection, raad_council_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SECTION,
  PROP_COUNCIL,
  PROP_STATE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_cards (RaadCouncilSection *self,
                          gint64              deadline);

static guint
get_n_members (RaadCouncilSection *self)
{
  return self->members != NULL ? g_list_model_get_n_items (self->members) : 0;
}

/* The cards the section ends up with: all of its members near the view, else those in it. */
static guint
get_target (RaadCouncilSection *self)
{
  guint n = get_n_members (self);

  return self->wanted ? n : MIN (n, self->n_needed);
}

static guint
get_n_shown (RaadCouncilSection *self)
{
  return MIN (self->cards->len, get_n_members (self));
}

static const char *
get_council_name (RaadCouncilSection *self)
{
  const char *name = self->council != NULL ? raad_council_get_name (self->council) : NULL;

  return name != NULL && *name != '\0' ? name : _("Unnamed council");
}

static void
child_activated_cb (RaadCouncilSection *self,
                    GtkFlowBoxChild    *child)
{
  RaadMember *member;

  if (!RAAD_IS_MEMBER_CARD (child))
    return;
  member = raad_member_card_get_member (RAAD_MEMBER_CARD (child));
  gtk_widget_activate_action (GTK_WIDGET (self), "facebook.edit-member", "s",
                              raad_record_get_id (RAAD_RECORD (member)));
}

static void
update_header (RaadCouncilSection *self)
{
  g_autoptr(GString) subtitle = NULL;
  g_autofree char *edit_label = NULL;
  const char *name, *location;
  guint n_members;
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (self));

  if (self->council == NULL)
    return;

  name = get_council_name (self);
  /* The list view's row around the section has no name of its own in GTK 4.8. */
  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
  if (self->box == NULL)
    return;

  gtk_label_set_label (self->title_label, name);
  subtitle = g_string_new (raad_council_is_central (self->council)
                           ? _("Central client council") : _("Local council"));
  location = raad_council_get_location (self->council);
  if (location != NULL && *location != '\0')
    g_string_append_printf (subtitle, " · %s", location);
  n_members = get_n_members (self);
  if (self->members != NULL)
    {
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members",
                                                     n_members), n_members);
    }
  gtk_label_set_label (self->subtitle_label, subtitle->str);

  edit_label = g_strdup_printf (_("Edit council %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label,
                                  -1);
  /* The target first: an action name without its target would warn. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "s",
                                    raad_record_get_id (RAAD_RECORD (self->council)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button), "facebook.edit-council");

  gtk_widget_set_visible (self->empty_label, self->members != NULL && n_members == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->flow_box), n_members > 0);
}

/* The title, the edit button and the flow box: made the first time the section is wanted. */
static void
ensure_content (RaadCouncilSection *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;

  if (self->box != NULL)
    return;

  builder = gtk_builder_new ();
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  if (!gtk_builder_add_from_resource (builder, RESOURCE_BASE "/facebook/raad-council-section.ui",
                                      &error))
    g_error ("%s", error->message);
  self->box = GTK_WIDGET (gtk_builder_get_object (builder, "box"));
  self->title_label = GTK_LABEL (gtk_builder_get_object (builder, "title_label"));
  self->subtitle_label = GTK_LABEL (gtk_builder_get_object (builder, "subtitle_label"));
  self->edit_button = GTK_WIDGET (gtk_builder_get_object (builder, "edit_button"));
  self->flow_box = GTK_FLOW_BOX (gtk_builder_get_object (builder, "flow_box"));
  self->empty_label = GTK_WIDGET (gtk_builder_get_object (builder, "empty_label"));
  g_signal_connect_swapped (self->flow_box, "child-activated", G_CALLBACK (child_activated_cb),
                            self);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  update_header (self);
}

/* Cards */

static void
remove_last_card (RaadCouncilSection *self)
{
  g_autoptr(GtkWidget) card = g_object_ref (g_ptr_array_steal_index (self->cards,
                                                                     self->cards->len - 1));

  gtk_flow_box_remove (self->flow_box, card);
  self->n_correct = MIN (self->n_correct, self->cards->len);
  if (self->wanted && self->spare->len < SPARE_CARDS)
    g_ptr_array_add (self->spare, g_steal_pointer (&card));
}

/* Card @i shows member @i (made or reused as needed). */
static void
bind_card (RaadCouncilSection *self,
           guint               i)
{
  g_autoptr(RaadMember) member = g_list_model_get_item (self->members, i);
  const char *council_id = raad_record_get_id (RAAD_RECORD (self->council));
  RaadMemberCard *card;

  if (member == NULL)
    return;
  if (i < self->cards->len)
    {
      card = g_ptr_array_index (self->cards, i);
      raad_member_card_set_member (card, member, council_id);
      gtk_widget_set_visible (GTK_WIDGET (card), TRUE);
    }
  else
    {
      g_autoptr(RaadMemberCard) spare = NULL;

      if (self->spare->len > 0)
        {
          spare = g_ptr_array_steal_index (self->spare, self->spare->len - 1);
          raad_member_card_set_member (spare, member, council_id);
          card = spare;
        }
      else
        card = RAAD_MEMBER_CARD (raad_member_card_new (member, council_id, self->state));
      g_ptr_array_add (self->cards, card);
      gtk_flow_box_append (self->flow_box, GTK_WIDGET (card));
    }
  if (self->n_correct == i)
    self->n_correct++;
}

/* The frame up to which cards out of view wait (see raad_council_section_hold_background). */
static gint64 hold_until_frame = -1;

/* How much more may be spent this frame on cards out of view, shared by all sections. */
static gint64
background_deadline (RaadCouncilSection *self)
{
  static gint64 budget_frame = -1;
  static gint64 deadline;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  gint64 frame = clock != NULL ? gdk_frame_clock_get_frame_counter (clock) : -1;

  if (frame < 0)
    return G_MAXINT64;
  if (frame <= hold_until_frame)
    return 0;
  if (frame != budget_frame)
    {
      budget_frame = frame;
      deadline = g_get_monotonic_time () + BACKGROUND_BUDGET_USEC;
    }
  return deadline;
}

static gboolean
is_done (RaadCouncilSection *self)
{
  guint target = get_target (self);

  return self->cards->len == target && self->n_correct == target;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  RaadCouncilSection *self = RAAD_COUNCIL_SECTION (widget);

  update_cards (self, background_deadline (self));
  if (!is_done (self))
    return G_SOURCE_CONTINUE;
  self->tick_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  return G_SOURCE_REMOVE;
}

/* The cards in view now; the others until @deadline, and over the next frames. */
static void
update_cards (RaadCouncilSection *self,
              gint64              deadline)
{
  guint n = get_n_members (self);
  guint target = get_target (self);
  guint now = MIN (self->n_needed, n);
  gboolean was_loading = self->tick_id != 0;
  guint old_shown = get_n_shown (self);
  guint old_len = self->cards->len;

  if (target > 0 || self->cards->len > 0)
    ensure_content (self);

  /* In view: right at once. Past the end of the list: hidden at once. */
  for (guint i = self->n_correct; i < now; i++)
    bind_card (self, i);
  for (guint i = n; i < self->cards->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->cards, i), FALSE);

  /* Far from the view: all cards go at once (they hold memory and cost each layout). */
  if (!self->wanted)
    while (self->cards->len > target)
      remove_last_card (self);

  /* The rest while time is left. */
  while (self->cards->len > target && g_get_monotonic_time () < deadline)
    remove_last_card (self);
  while (self->n_correct < target && g_get_monotonic_time () < deadline)
    bind_card (self, self->n_correct);

  if (!is_done (self) && self->tick_id == 0)
    {
      if (gtk_widget_get_realized (GTK_WIDGET (self)))
        self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
      else
        /* No frames without a window: finish now. */
        update_cards (self, G_MAXINT64);
    }
  if (was_loading != (self->tick_id != 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  if (old_shown != get_n_shown (self) || old_len != self->cards->len)
    gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
members_changed_cb (RaadCouncilSection *self,
                    guint               position,
                    guint               removed,
                    guint               added)
{
  /* Cards before @position still show the right members; the others get theirs when in
   * view, or over the next frames. */
  self->n_correct = MIN (self->n_correct, position);
  update_cards (self, 0);
  update_header (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
drop_cards (RaadCouncilSection *self)
{
  while (self->cards->len > 0)
    remove_last_card (self);
  g_ptr_array_set_size (self->spare, 0);
  self->n_correct = 0;
}

static void
bind_members (RaadCouncilSection *self)
{
  GtkWidget *page;

  if (self->members != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->members, members_changed_cb, self);
      g_clear_object (&self->members);
    }
  /* Cards of another council must not be reused. */
  drop_cards (self);
  if (self->section != NULL)
    {
      self->members = g_object_ref (raad_section_get_items (self->section));
      g_signal_connect_swapped (self->members, "items-changed", G_CALLBACK (members_changed_cb),
                                self);
    }
  update_cards (self, 0);
  update_header (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  page = gtk_widget_get_ancestor (GTK_WIDGET (self), RAAD_TYPE_FACEBOOK_PAGE);
  if (page != NULL)
    raad_facebook_page_queue_update (RAAD_FACEBOOK_PAGE (page));
}

static void
council_notify_cb (RaadCouncilSection *self)
{
  update_header (self);
}

/* GtkWidget */

static guint
cards_per_line (RaadCouncilSection *self,
                int                 width)
{
  return CLAMP ((guint) (width / CARD_WIDTH_ESTIMATE), 1, 8);
}

/* The height of the cards not shown yet, at @width. */
static int
reserved_height (RaadCouncilSection *self,
                 int                 width)
{
  guint n = get_n_members (self);
  guint shown = get_n_shown (self);
  guint per_line, lines_all, lines_shown;

  if (shown >= n || width <= 0)
    return 0;
  per_line = cards_per_line (self, width);
  lines_all = (n + per_line - 1) / per_line;
  lines_shown = (shown + per_line - 1) / per_line;
  return (lines_all - lines_shown) * CARD_HEIGHT_ESTIMATE;
}

static GtkSizeRequestMode
raad_council_section_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
raad_council_section_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  RaadCouncilSection *self = RAAD_COUNCIL_SECTION (widget);

  if (self->box != NULL)
    gtk_widget_measure (self->box, orientation, for_size, minimum, natural, NULL, NULL);
  else
    *minimum = *natural = orientation == GTK_ORIENTATION_VERTICAL ? HEADER_HEIGHT_ESTIMATE : 0;
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      int extra = reserved_height (self, for_size);

      *minimum += extra;
      *natural += extra;
    }
}

static void
raad_council_section_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  RaadCouncilSection *self = RAAD_COUNCIL_SECTION (widget);
  int extra = reserved_height (self, width);

  /* The box gets the height without the reserved part, at the top. */
  if (self->box != NULL)
    gtk_widget_size_allocate (self->box,
                              &(GtkAllocation) { 0, 0, width, MAX (0, height - extra) }, -1);
}

static void
raad_council_section_root (GtkWidget *widget)
{
  RaadCouncilSection *self = RAAD_COUNCIL_SECTION (widget);

  GTK_WIDGET_CLASS (raad_council_section_parent_class)->root (widget);

  /* Rows are made by the list view's factory, which cannot hand them the page's state. */
  if (self->state == NULL)
    {
      GtkWidget *page = gtk_widget_get_ancestor (widget, RAAD_TYPE_FACEBOOK_PAGE);

      if (page != NULL)
        raad_council_section_set_state (self, raad_facebook_page_get_state (RAAD_FACEBOOK_PAGE (page)));
    }
  update_header (self);
}

static void
raad_council_section_unrealize (GtkWidget *widget)
{
  RaadCouncilSection *self = RAAD_COUNCIL_SECTION (widget);

  /* Tick callbacks end with the frame clock. */
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (widget, self->tick_id);
      self->tick_id = 0;
    }
  GTK_WIDGET_CLASS (raad_council_section_parent_class)->unrealize (widget);
}

static void
raad_council_section_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (raad_council_section_parent_class)->realize (widget);
  update_cards (RAAD_COUNCIL_SECTION (widget), 0);
}

/* GObject */

static void
raad_council_section_dispose (GObject *object)
{
  RaadCouncilSection *self = RAAD_COUNCIL_SECTION (object);

  raad_council_section_set_section (self, NULL);
  raad_council_section_set_state (self, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  if (self->cards != NULL)
    g_ptr_array_set_size (self->cards, 0);
  g_clear_pointer (&self->spare, g_ptr_array_unref);

  G_OBJECT_CLASS (raad_council_section_parent_class)->dispose (object);
}

static void
raad_council_section_finalize (GObject *object)
{
  RaadCouncilSection *self = RAAD_COUNCIL_SECTION (object);

  g_clear_pointer (&self->cards, g_ptr_array_unref);

  G_OBJECT_CLASS (raad_council_section_parent_class)->finalize (object);
}

static void
raad_council_section_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RaadCouncilSection *self = RAAD_COUNCIL_SECTION (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_object (value, self->section);
      break;
    case PROP_COUNCIL:
      g_value_set_object (value, self->council);
      break;
    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, raad_council_section_get_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_council_section_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RaadCouncilSection *self = RAAD_COUNCIL_SECTION (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      raad_council_section_set_section (self, g_value_get_object (value));
      break;
    case PROP_STATE:
      raad_council_section_set_state (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_council_section_class_init (RaadCouncilSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raad_council_section_dispose;
  object_class->finalize = raad_council_section_finalize;
  object_class->get_property = raad_council_section_get_property;
  object_class->set_property = raad_council_section_set_property;

  widget_class->get_request_mode = raad_council_section_get_request_mode;
  widget_class->root = raad_council_section_root;
  widget_class->realize = raad_council_section_realize;
  widget_class->unrealize = raad_council_section_unrealize;
  widget_class->measure = raad_council_section_measure;
  widget_class->size_allocate = raad_council_section_size_allocate;

  properties[PROP_SECTION] =
    g_param_spec_object ("section", NULL, NULL, RAAD_TYPE_SECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNCIL] =
    g_param_spec_object ("council", NULL, NULL, RAAD_TYPE_COUNCIL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, RAAD_TYPE_FACEBOOK_STATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Cards are still being built. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raad_council_section_init (RaadCouncilSection *self)
{
  self->cards = g_ptr_array_new ();
  self->spare = g_ptr_array_new_with_free_func (g_object_unref);
}

RaadCouncil *
raad_council_section_get_council (RaadCouncilSection *self)
{
  g_return_val_if_fail (RAAD_IS_COUNCIL_SECTION (self), NULL);

  return self->council;
}

RaadSection *
raad_council_section_get_section (RaadCouncilSection *self)
{
  g_return_val_if_fail (RAAD_IS_COUNCIL_SECTION (self), NULL);

  return self->section;
}

void
raad_council_section_set_section (RaadCouncilSection *self,
                                  RaadSection        *section)
{
  RaadRecord *record;

  g_return_if_fail (RAAD_IS_COUNCIL_SECTION (self));
  g_return_if_fail (section == NULL || RAAD_IS_SECTION (section));

  if (self->section == section)
    return;

  g_set_object (&self->section, section);
  record = section != NULL ? raad_section_get_record (section) : NULL;
  if (self->council != NULL)
    g_signal_handlers_disconnect_by_func (self->council, council_notify_cb, self);
  g_clear_object (&self->council);
  if (RAAD_IS_COUNCIL (record))
    self->council = g_object_ref (RAAD_COUNCIL (record));
  if (self->council != NULL)
    g_signal_connect_swapped (self->council, "notify", G_CALLBACK (council_notify_cb), self);

  /* A row given another council starts from nothing: the page says what it needs. */
  self->wanted = FALSE;
  self->n_needed = 0;
  bind_members (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNCIL]);
}

RaadFacebookState *
raad_council_section_get_state (RaadCouncilSection *self)
{
  g_return_val_if_fail (RAAD_IS_COUNCIL_SECTION (self), NULL);

  return self->state;
}

void
raad_council_section_set_state (RaadCouncilSection *self,
                                RaadFacebookState  *state)
{
  g_return_if_fail (RAAD_IS_COUNCIL_SECTION (self));

  if (self->state == state)
    return;

  /* Cards keep the state they were made with. */
  drop_cards (self);
  g_set_object (&self->state, state);
  update_cards (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

GListModel *
raad_council_section_get_members (RaadCouncilSection *self)
{
  g_return_val_if_fail (RAAD_IS_COUNCIL_SECTION (self), NULL);

  return self->members;
}

gboolean
raad_council_section_get_wanted (RaadCouncilSection *self)
{
  g_return_val_if_fail (RAAD_IS_COUNCIL_SECTION (self), FALSE);

  return self->wanted;
}

guint
raad_council_section_get_n_needed (RaadCouncilSection *self)
{
  g_return_val_if_fail (RAAD_IS_COUNCIL_SECTION (self), 0);

  return self->n_needed;
}

void
raad_council_section_set_wanted (RaadCouncilSection *self,
                                 gboolean            wanted,
                                 guint               n_needed)
{
  g_return_if_fail (RAAD_IS_COUNCIL_SECTION (self));

  wanted = !!wanted;
  if (self->wanted == wanted && self->n_needed == n_needed)
    return;
  self->wanted = wanted;
  self->n_needed = n_needed;
  update_cards (self, 0);
}

guint
raad_council_section_get_cards_in (RaadCouncilSection *self,
                                   int                 width,
                                   int                 height)
{
  guint per_line, n = get_n_members (self);
  int cards_height, line_height = LINE_HEIGHT_MIN;

  g_return_val_if_fail (RAAD_IS_COUNCIL_SECTION (self), 0);

  cards_height = height - HEADER_HEIGHT_ESTIMATE;
  if (width <= 0 || cards_height <= 0 || n == 0)
    return 0;
  /* A line is at least as high as any card in it (the flow box is homogeneous), so the
   * first card, made now if need be, says how few lines can fill the view: never a hole
   * at the bottom, and not a line more than needed. */
  if (self->n_needed == 0 || self->n_correct == 0)
    {
      self->n_needed = MAX (self->n_needed, 1);
      update_cards (self, 0);
    }
  if (self->cards->len > 0)
    {
      GtkWidget *card = g_ptr_array_index (self->cards, 0);
      int card_width = 0, card_height = 0;

      gtk_widget_measure (card, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &card_width, NULL, NULL);
      gtk_widget_measure (card, GTK_ORIENTATION_VERTICAL, card_width, &card_height, NULL,
                          NULL, NULL);
      line_height = MAX (line_height,
                         card_height + (int) gtk_flow_box_get_row_spacing (self->flow_box));
    }
  per_line = cards_per_line (self, width);
  return MIN (n, per_line * ((cards_height + line_height - 1) / line_height));
}

gboolean
raad_council_section_get_complete_above (RaadCouncilSection *self,
                                         int                 y)
{
  guint n;
  graphene_rect_t bounds;

  g_return_val_if_fail (RAAD_IS_COUNCIL_SECTION (self), FALSE);

  n = get_n_members (self);
  if (y <= 0 || n == 0)
    return TRUE;
  if (self->box == NULL)
    return FALSE;
  /* The first card not right, or the reserved space, must lie below @y. */
  if (self->n_correct < n)
    {
      if (self->n_correct >= self->cards->len)
        return gtk_widget_get_height (self->box) >= y;
      if (!gtk_widget_compute_bounds (g_ptr_array_index (self->cards, self->n_correct),
                                      GTK_WIDGET (self), &bounds))
        return FALSE;
      return bounds.origin.y >= y;
    }
  return TRUE;
}

gboolean
raad_council_section_get_loading (RaadCouncilSection *self)
{
  g_return_val_if_fail (RAAD_IS_COUNCIL_SECTION (self), FALSE);

  return self->tick_id != 0;
}

gboolean
raad_council_section_get_counted (RaadCouncilSection *self)
{
  g_return_val_if_fail (RAAD_IS_COUNCIL_SECTION (self), FALSE);

  return self->members != NULL;
}

guint
raad_council_section_get_n_members (RaadCouncilSection *self)
{
  g_return_val_if_fail (RAAD_IS_COUNCIL_SECTION (self), 0);

  return get_n_members (self);
}

void
raad_council_section_hold_background (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (clock != NULL)
    hold_until_frame = gdk_frame_clock_get_frame_counter (clock) + 1;
}
