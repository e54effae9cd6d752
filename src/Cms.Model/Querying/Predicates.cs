using System.Linq.Expressions;

namespace Cms.Model.Querying;

/// <summary>Combines predicate expressions so that EF Core still translates them (one parameter, rebound, no invocation).</summary>
internal static class Predicates
{
    public static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, Rebind(right, left.Parameters[0])), left.Parameters);

    public static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Expression.Lambda<Func<T, bool>>(Expression.OrElse(left.Body, Rebind(right, left.Parameters[0])), left.Parameters);

    public static Expression<Func<T, bool>> Not<T>(Expression<Func<T, bool>> predicate) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

    /// <summary>A predicate on a value applied to a field: <c>x =&gt; test(field(x))</c>.</summary>
    public static Expression<Func<T, bool>> On<T, TValue>(Expression<Func<T, TValue>> field, Expression<Func<TValue, bool>> test) =>
        Expression.Lambda<Func<T, bool>>(Rebind(test, field.Body), field.Parameters);

    /// <summary><c>x =&gt; key(x) op value</c>, the value sent as a parameter.</summary>
    public static Expression<Func<T, bool>> Compare<T, TKey>(Expression<Func<T, TKey>> key, ExpressionType comparison, TKey value) =>
        Expression.Lambda<Func<T, bool>>(Expression.MakeBinary(comparison, key.Body, AsParameter(value)), key.Parameters);

    /// <summary><c>x =&gt; list(x).Any(test)</c> or <c>.All(test)</c>; <c>.Any()</c> when there is no test.</summary>
    public static Expression<Func<T, bool>> Quantified<T, TElement>(Expression<Func<T, IEnumerable<TElement>>> list, string method, Expression<Func<TElement, bool>>? test)
    {
        Expression call = test is null
            ? Expression.Call(typeof(Enumerable), method, [typeof(TElement)], list.Body)
            : Expression.Call(typeof(Enumerable), method, [typeof(TElement)], list.Body, test);
        return Expression.Lambda<Func<T, bool>>(call, list.Parameters);
    }

    /// <summary>A value as a closure member, as C# lambdas capture it, so that EF Core sends it as a parameter.</summary>
    public static Expression AsParameter<TValue>(TValue value) =>
        Expression.Property(Expression.Constant(new Captured<TValue>(value)), nameof(Captured<TValue>.Value));

    /// <inheritdoc cref="AsParameter{TValue}(TValue)"/>
    public static Expression AsParameter(object value, Type type)
    {
        var captured = Activator.CreateInstance(typeof(Captured<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(captured), nameof(Captured<object>.Value));
    }

    /// <summary>The lambda's body with its parameter replaced.</summary>
    public static Expression Rebind(LambdaExpression lambda, Expression replacement) =>
        new Replacer(lambda.Parameters[0], replacement).Visit(lambda.Body);

    private sealed class Replacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    private sealed class Captured<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}
