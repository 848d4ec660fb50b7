"""Application services: each carries out one thing a person does (submitting a request, a
workflow step, a keberatan...) as one transaction with its notification. Views call these;
the rules are asked of the domain, the data written by the store."""
