export function ReviewsPage() {
  return (
    <section>
      <h1>Reviews</h1>
      <p className="muted">Coming in a later release.</p>
    </section>
  );
}
